import { linkIn, waitForMail } from "./mail";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { SEEDED, freshTotpCode, logout, totpCode, totpSecretOf } from "./helpers";

test("an admin must pass TOTP to reach the withdrawal desk: a wrong code is refused, the right one admits", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(SEEDED.admin.email);
  await page.getByLabel("Kata sandi").fill(SEEDED.admin.password);
  await page.getByRole("button", { name: "Masuk" }).click();

  // The password was right, but the code step stands between the admin and everything else.
  const code = page.getByLabel("Kode autentikasi");
  await expect(code).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expectNoSeriousA11yViolations(page, "login, code step");
  const secret = totpSecretOf(SEEDED.admin.email)!;
  // A code from five minutes ago: wrong now.
  await code.fill(totpCode(secret, Math.floor(Date.now() / 30_000) - 10));
  await page.getByRole("button", { name: "Verifikasi" }).click();
  await expect(page.getByText("Kode salah atau sudah dipakai.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  // Nothing is half signed in: the desk still sends this browser to the login page.
  const other = await page.context().newPage();
  await other.goto("/admin/withdrawals");
  await expect(other).toHaveURL(/\/login/);
  await other.close();

  await code.fill(await freshTotpCode(secret));
  await page.getByRole("button", { name: "Verifikasi" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/withdrawals");
  await expect(page).toHaveURL(/\/admin\/withdrawals$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Its own two-factor page says it is on.
  await page.getByTestId("nav-two-factor").click();
  await expect(page.getByTestId("two-factor-status")).toHaveText("Aktif");
  await expect(page.getByTestId("recovery-left")).toHaveText("0");
  await expectNoSeriousA11yViolations(page, "two-factor page, on");
  // Usable at 390 px: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("two-factor-status")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test("a merchant enrols at its first withdrawal (QR + secret), keeps the recovery codes, signs in with one and withdraws", async ({ page }) => {
  const stamp = Date.now();
  const email = `e2e-2fa-${stamp}@saldo.test`;
  const password = "rahasia-2fa-123";
  await page.goto("/register");
  await page.getByLabel("Nama usaha").fill(`Toko Dua Faktor ${stamp}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Daftar" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  // Withdrawals also wait for a verified email: opened from the mail.
  await page.goto(linkIn(await waitForMail(email, /Verifikasi email/), "/verify-email?token="));
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-result", "verified");

  // Funds to withdraw: a QRIS top-up paid in the sandbox.
  await page.goto("/topup");
  await page.getByRole("radio", { name: /QRIS/ }).check();
  await page.getByLabel("Nominal (Rp)").fill("25000");
  await page.getByRole("button", { name: "Buat tagihan" }).click();
  await expect(page).toHaveURL(/\/invoices\/inv_[0-9a-z]{26}$/);
  const invoiceId = page.url().split("/").pop()!;
  const payer = await page.context().browser()!.newContext();
  const payPage = await payer.newPage();
  await payPage.goto(new URL(`/pay/${invoiceId}`, page.url()).toString());
  await payPage.getByRole("button", { name: "Simulasikan pembayaran (sandbox)" }).click();
  await expect(payPage.getByTestId("payment-panel")).toHaveAttribute("data-status", "paid");
  await payer.close();

  // The first withdrawal: the page asks for two-factor first, and nothing is requested.
  await page.goto("/withdrawals");
  await expect(page.getByTestId("withdraw-available")).toHaveText("Rp 25.000");
  await page.getByLabel("Nominal (Rp)").fill("12000");
  await page.getByLabel("Nomor rekening / HP").fill("081234567890");
  await page.getByLabel("Nama pemilik rekening").fill("Dua Faktor");
  await page.getByRole("button", { name: "Ajukan penarikan" }).click();
  const ask = page.getByTestId("withdraw-two-factor");
  await expect(ask).toContainText("Penarikan memerlukan autentikasi dua faktor");
  await expect(page.getByTestId("withdraw-result")).toHaveCount(0);
  await ask.getByRole("link", { name: "Aktifkan autentikasi dua faktor" }).click();
  await expect(page).toHaveURL(/\/security\/two-factor\?reason=withdraw/);
  await expect(page.getByTestId("two-factor-banner")).toContainText("sebelum penarikan pertama");
  await expect(page.getByTestId("two-factor-status")).toHaveText("Tidak aktif");

  // Scan the QR… here: the secret shown as text, the code computed from it.
  await page.getByRole("button", { name: "Aktifkan autentikasi dua faktor" }).click();
  await expect(page.getByRole("img", { name: "Kode QR untuk dipindai aplikasi autentikator" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "two-factor enrolment");
  // A wrong code first: refused, still off.
  await page.getByLabel("Kode autentikasi").fill("12345x");
  await page.getByRole("button", { name: "Konfirmasi dan aktifkan" }).click();
  await expect(page.getByText("Kode tidak valid atau sudah dipakai")).toBeVisible();
  await expect(page.getByTestId("totp-qr")).toBeVisible();
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
  await page.getByLabel("Kode autentikasi").fill(await freshTotpCode(secret));
  await page.getByRole("button", { name: "Konfirmasi dan aktifkan" }).click();
  const list = page.getByTestId("recovery-codes");
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const recoveryCodes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
  expect(recoveryCodes.every((c) => /^[a-z2-7]{5}-[a-z2-7]{5}$/.test(c))).toBe(true);
  // …and back to the withdrawal page.
  await page.getByRole("link", { name: "Sudah saya simpan — lanjutkan" }).click();
  await expect(page).toHaveURL(/\/withdrawals$/);
  await page.goto("/security/two-factor");
  await expect(page.getByTestId("two-factor-status")).toHaveText("Aktif");
  await expect(page.getByTestId("recovery-left")).toHaveText("10");

  // Signing in now asks for a code: a recovery code does it, once.
  await logout(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByLabel("Kode autentikasi")).toBeVisible();
  await page.getByRole("button", { name: "Pakai kode pemulihan" }).click();
  await page.getByLabel("Kode pemulihan").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Verifikasi" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/withdrawals");
  await page.getByLabel("Nominal (Rp)").fill("12000");
  await page.getByLabel("Nomor rekening / HP").fill("081234567890");
  await page.getByLabel("Nama pemilik rekening").fill("Dua Faktor");
  await page.getByRole("button", { name: "Ajukan penarikan" }).click();
  await expect(page.getByTestId("withdraw-result")).toContainText("Permintaan penarikan berhasil diajukan");
  await expect(page.getByTestId("withdraw-new-balance")).toHaveText("Rp 12.000");
  await page.goto("/security/two-factor");
  await expect(page.getByTestId("recovery-left")).toHaveText("9");

  // Enrolled, the owner may require two-factor of every user of the merchant.
  await page.goto("/settings");
  await page.getByLabel("Wajibkan autentikasi dua faktor untuk setiap pengguna").check();
  await page.getByRole("button", { name: "Simpan", exact: true }).click();
  await expect(page.getByTestId("team-two-factor-saved")).toHaveText("Tersimpan.");
  await page.reload();
  await expect(page.getByLabel("Wajibkan autentikasi dua faktor untuk setiap pengguna")).toBeChecked();

  // The used recovery code does not open the door again.
  await logout(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByRole("button", { name: "Pakai kode pemulihan" }).click();
  await page.getByLabel("Kode pemulihan").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Verifikasi" }).click();
  await expect(page.getByText("Kode salah atau sudah dipakai.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
