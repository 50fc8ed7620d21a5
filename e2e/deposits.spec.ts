import { expect, test } from "@playwright/test";
import { SECOND_ORIGIN, SEEDED, login } from "./helpers";

test("a QRIS invoice flips to paid without reload when a payment arrives at another app process", async ({ page, browser }) => {
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  const before = await page.getByTestId("available-balance").textContent();

  await page.goto("/topup");
  await page.getByRole("radio", { name: /QRIS/ }).check();
  await page.getByLabel("Nominal (Rp)").fill("25000");
  await expect(page.getByTestId("quote-fee")).toHaveText("Rp 175");
  await expect(page.getByTestId("quote-total")).toHaveText("Rp 25.175");
  await page.getByRole("button", { name: "Buat tagihan" }).click();

  await expect(page).toHaveURL(/\/invoices\/inv_[0-9a-z]{26}$/);
  const id = page.url().split("/").pop()!;
  const panel = page.getByTestId("payment-panel");
  await expect(panel).toHaveAttribute("data-status", "pending");
  await expect(page.getByTestId("qris-code")).toBeVisible();
  await expect(page.getByTestId("payment-total")).toHaveText("Rp 25.175");
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  // The payer, in another browser, on the public page of the other app process.
  const payerContext = await browser.newContext();
  const payer = await payerContext.newPage();
  await payer.goto(`${SECOND_ORIGIN}/pay/${id}`);
  await expect(payer.getByTestId("qris-code")).toBeVisible();
  const clicked = Date.now();
  await payer.getByRole("button", { name: "Simulasikan pembayaran (sandbox)" }).click();

  await expect(panel).toHaveAttribute("data-status", "paid", { timeout: 5_000 });
  const flipMs = Date.now() - clicked;
  console.log(`[measure] simulate-payment click → merchant page shows paid: ${flipMs} ms`);
  await expect(page.getByText("Pembayaran diterima")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await expect(payer.getByTestId("payment-panel")).toHaveAttribute("data-status", "paid");
  await payerContext.close();

  // The wallet shows the credit (amount, not the fee).
  await page.goto("/dashboard");
  await expect(page.getByTestId("ledger-row").first()).toContainText("+Rp 25.000");
  await expect(page.getByTestId("ledger-row").first()).toContainText(id);
  const toNumber = (s: string | null) => Number((s ?? "").replace(/[^\d]/g, ""));
  expect(toNumber(await page.getByTestId("available-balance").textContent())).toBe(toNumber(before) + 25_000);
});

test("a bank transfer ticket shows the account and unique total, and can be cancelled after confirming", async ({ page }) => {
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/topup");
  await page.getByRole("radio", { name: /Transfer Bank/ }).check();
  await page.getByLabel("Nominal (Rp)").fill("500");
  await page.getByRole("button", { name: "Buat tagihan" }).click();
  await expect(page.getByText(/Nominal harus antara Rp 10.000 dan Rp 500.000.000/)).toBeVisible();
  await page.getByLabel("Nominal (Rp)").fill("150000");
  await page.getByRole("button", { name: "Buat tagihan" }).click();
  await expect(page).toHaveURL(/\/invoices\/inv_[0-9a-z]{26}$/);
  const id = page.url().split("/").pop()!;
  await expect(page.getByText("8730123456")).toBeVisible();
  const total = Number(((await page.getByTestId("payment-total").textContent()) ?? "").replace(/[^\d]/g, ""));
  expect(total).toBeGreaterThan(150_000);
  expect(total).toBeLessThanOrEqual(150_999);

  await page.goto("/invoices?status=pending");
  await expect(page.getByTestId("invoice-row").filter({ hasText: id })).toHaveCount(1);

  await page.goto(`/invoices/${id}`);
  await page.getByRole("button", { name: "Batalkan invoice" }).click();
  await expect(page.getByText("Batalkan invoice ini?")).toBeVisible();
  await page.getByRole("button", { name: "Ya, batalkan" }).click();
  await expect(page.getByTestId("payment-panel")).toHaveAttribute("data-status", "expired");
  await page.goto("/invoices?status=expired");
  await expect(page.getByTestId("invoice-row").filter({ hasText: id })).toHaveCount(1);
});

test("another merchant's invoice page is a 404", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Nama usaha").fill("Toko Lain");
  await page.getByLabel("Email").fill(`lain-${Date.now()}@saldo.test`);
  await page.getByLabel("Kata sandi").fill("rahasia-123");
  await page.getByRole("button", { name: "Daftar" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const response = await page.goto("/invoices/does-not-exist-or-not-yours");
  expect(response?.status()).toBe(404);
});
