import { expect, test } from "@playwright/test";
import { SEEDED, login, logout } from "./helpers";

test("a new merchant registers, sees Rp 0, switches language, and the admin sees it", async ({ page }) => {
  const business = `Toko E2E ${Date.now()}`;
  const email = `e2e-${Date.now()}@saldo.test`;

  await page.goto("/register");
  await page.getByLabel("Nama usaha").fill(business);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill("rahasia-123");
  await page.getByRole("button", { name: "Daftar" }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dompet" })).toBeVisible();
  await expect(page.getByTestId("available-balance")).toHaveText("Rp 0");
  await expect(page.getByTestId("held-balance")).toHaveText("Rp 0");
  await expect(page.getByText("Belum ada mutasi")).toBeVisible();

  // The same page in English, and it stays English after a reload.
  await page.getByLabel("Bahasa", { exact: true }).selectOption("en");
  await expect(page.getByRole("heading", { level: 1, name: "Wallet" })).toBeVisible();
  await expect(page.getByText("Available balance")).toBeVisible();
  await expect(page.getByText("No ledger entries yet")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Wallet" })).toBeVisible();
  await page.getByLabel("Language", { exact: true }).selectOption("id");
  await expect(page.getByRole("heading", { level: 1, name: "Dompet" })).toBeVisible();

  await logout(page);
  await login(page, SEEDED.admin.email, SEEDED.admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByLabel("Cari merchant").fill(business);
  await page.getByRole("button", { name: "Cari" }).click();
  const row = page.getByTestId("merchant-row").filter({ hasText: business });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(email);
  await expect(row).toContainText("Rp 0");
});

test("wrong password is refused with a clear message", async ({ page }) => {
  await login(page, SEEDED.merchant.email, "salah-sekali");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Email atau kata sandi salah.");
  await expect(page).toHaveURL(/\/login/);
});

test("the seeded merchant's wallet shows its ledger history", async ({ page }) => {
  // Other specs use the same merchant, so only the seeded lines are asserted, not the totals.
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  const available = await page.getByTestId("available-balance").textContent();
  expect(available).toMatch(/^Rp \d{1,3}(\.\d{3})*$/);
  await expect(page.getByTestId("topbar-balance")).toHaveText(available!);
  await page.goto("/dashboard");
  let rows = page.getByTestId("ledger-row");
  while ((await rows.filter({ hasText: "SEED-TOPUP-1" }).count()) === 0 && (await page.getByRole("link", { name: "Berikutnya" }).count()) > 0) {
    await page.getByRole("link", { name: "Berikutnya" }).click();
    rows = page.getByTestId("ledger-row");
  }
  const first = rows.filter({ hasText: "SEED-TOPUP-1" });
  await expect(first).toContainText("Top-up");
  await expect(first).toContainText("+Rp 1.000.000");
  await expect(first).toContainText("WIB");
  await page.goto("/statements");
  await expect(page.getByRole("heading", { level: 1, name: "Laporan bulanan" })).toBeVisible();
  await expect(page.getByTestId("statement-row").filter({ hasText: "SEED-WD-1" })).toHaveCount(2);
});

test("a merchant who opens an admin page gets a 404 from the server", async ({ page }) => {
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Halaman tidak ditemukan")).toBeVisible();
  const api = await page.request.get(`/api/trpc/merchants.list?input=${encodeURIComponent(JSON.stringify({ json: { page: 1, pageSize: 20 } }))}`);
  expect(api.status()).toBe(403);
});

test("a guest is sent to the login page", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});
