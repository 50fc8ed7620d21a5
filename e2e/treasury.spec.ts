import { expect, test } from "@playwright/test";
import { linkIn, waitForMail } from "./mail";
import { ensureTwoFactor } from "./helpers";

test("a threshold and a mandate in Settings: a withdrawal dips the balance, the alert comes, then the auto top-up", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Nama usaha").fill("Toko Treasury");
  const email = `treasury-${Date.now()}@saldo.test`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill("rahasia-123");
  await page.getByRole("button", { name: "Daftar" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  // Portal withdrawals wait for a verified email (issue 16).
  await page.goto(linkIn(await waitForMail(email, /Verifikasi email/), "/verify-email"));
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-result", "verified");

  // Fund it with a QRIS top-up paid in the sandbox.
  await page.goto("/topup");
  await page.getByRole("radio", { name: /QRIS/ }).check();
  await page.getByLabel("Nominal (Rp)").fill("100000");
  await page.getByRole("button", { name: "Buat tagihan" }).click();
  await page.getByRole("button", { name: "Simulasikan pembayaran (sandbox)" }).click();
  await expect(page.getByTestId("payment-panel")).toHaveAttribute("data-status", "paid");

  await page.goto("/settings");
  await page.getByLabel("Ambang batas (Rp)").fill("50000");
  await page.getByRole("button", { name: "Simpan ambang" }).click();
  await expect(page.getByText("Tersimpan.")).toBeVisible();
  await page.getByLabel("Nomor rekening sumber").fill("1234567890");
  await page.getByLabel("Nama pemilik rekening").fill("PT Treasury");
  await page.getByLabel("Saldo target (Rp)").fill("150000");
  await page.getByLabel("Batas bulanan (Rp)").fill("1000000");
  await page.getByRole("button", { name: "Daftarkan mandat" }).click();
  const otp = ((await page.getByTestId("sandbox-otp").textContent()) ?? "").replace(/\D/g, "");
  expect(otp).toHaveLength(6);
  await page.getByLabel("Kode OTP").fill(otp);
  await page.getByRole("button", { name: "Konfirmasi" }).click();
  await expect(page.getByTestId("mandate")).toContainText("Aktif");

  // A withdrawal of 60.000 (+ 1.000 fee) leaves 39.000: below the threshold. (Portal withdrawals need two-factor.)
  await ensureTwoFactor(page, email);
  await page.goto("/withdrawals");
  await page.getByLabel("Nominal (Rp)").fill("60000");
  await page.getByLabel("Nomor rekening / HP").fill("081234567890");
  await page.getByLabel("Nama pemilik rekening").fill("PT Treasury");
  await page.getByRole("button", { name: "Ajukan penarikan" }).click();
  await expect(page.getByText(/Rp 39\.000/).first()).toBeVisible();

  await page.goto("/notifications");
  await expect(page.getByTestId("notification").filter({ hasText: "Saldo rendah" })).toHaveCount(1);

  // The worker pulls 150.000 − 39.000 = 111.000 by direct debit; it lands like any deposit.
  await expect
    .poll(
      async () => {
        await page.goto("/dashboard");
        return page.getByTestId("available-balance").textContent();
      },
      { timeout: 20_000, intervals: [1000] },
    )
    .toBe("Rp 150.000");
  await expect(page.getByTestId("ledger-row").first()).toContainText("+Rp 111.000");
  await expect(page.getByTestId("ledger-row").first()).toContainText("Direct debit");
  await expect(page.getByTestId("low-balance-banner")).toHaveCount(0);
});
