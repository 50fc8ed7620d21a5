import { expect, test } from "@playwright/test";
import { SEEDED, login, logout } from "./helpers";

test("a merchant creates an API key, uses it once it is shown, then revokes it", async ({ page }) => {
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/developers");
  await expect(page.getByRole("heading", { level: 1, name: "Developer" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Autentikasi" })).toBeVisible();
  await expect(page.getByTestId("curl-example")).toContainText('curl -H "Authorization: Bearer <key>"');
  await expect(page.getByTestId("curl-example")).toContainText("/api/v1/balance");

  // Create: the name is required, the IP allow-list is optional.
  await page.getByRole("button", { name: "Buat kunci API" }).click();
  await expect(page.getByText("Nama wajib diisi, maksimal 60 karakter.")).toBeVisible();
  await page.getByLabel("Nama", { exact: true }).fill("CI key");
  await expect(page.getByLabel("Daftar IP yang diizinkan (opsional)")).toBeVisible();
  await page.getByRole("button", { name: "Buat kunci API" }).click();

  // Shown once, with a copy button and the warning.
  const box = page.getByTestId("new-api-key-box");
  await expect(box).toBeVisible();
  await expect(box).toContainText("tidak akan ditampilkan lagi");
  await expect(box.getByRole("button", { name: "Salin" })).toBeVisible();
  const key = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^sk_test_\S{20,}$/);

  // The list shows it by prefix only, active, usable from any IP.
  const row = page.getByTestId("api-key-row").filter({ hasText: "CI key" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`${key.slice(0, 12)}…`);
  await expect(row).not.toContainText(key);
  await expect(row).toContainText("Semua IP");
  await expect(row).toContainText("Aktif");
  await expect(row).toContainText("WIB");

  const auth = { headers: { Authorization: `Bearer ${key}` } };
  const ok = await page.request.get("/api/v1/balance", auth);
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { balance: unknown };
  expect(typeof body.balance).toBe("number");

  // Revoke asks first; cancelling keeps the key.
  await row.getByRole("button", { name: "Cabut" }).click();
  await row.getByRole("button", { name: "Batal" }).click();
  await expect(row.getByRole("button", { name: "Konfirmasi cabut" })).toHaveCount(0);
  await expect(row).toContainText("Aktif");
  await row.getByRole("button", { name: "Cabut" }).click();
  await row.getByRole("button", { name: "Konfirmasi cabut" }).click();
  await expect(row).toContainText("Dicabut");
  await expect(row.getByRole("button", { name: "Cabut" })).toHaveCount(0);

  const refused = await page.request.get("/api/v1/balance", auth);
  expect(refused.status()).toBe(401);
});

test("an admin sees the bank mutations page; a merchant gets a 404", async ({ page }) => {
  await login(page, SEEDED.admin.email, SEEDED.admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  const response = await page.goto("/admin/bank-mutations");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Mutasi bank" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Belum cocok", exact: true })).toHaveAttribute("aria-current", "page");
  // Either a table or its empty state, whatever the seed holds.
  await expect(page.getByTestId("bank-mutations-table").or(page.getByText("Tidak ada mutasi"))).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pembayaran ditahan untuk ditinjau" })).toBeVisible();
  await expect(page.getByTestId("payment-reviews-table").or(page.getByText("Tidak ada pembayaran yang perlu ditinjau"))).toBeVisible();

  await page.getByRole("link", { name: "Semua", exact: true }).click();
  await expect(page).toHaveURL(/status=all/);
  await expect(page.getByRole("link", { name: "Semua", exact: true })).toHaveAttribute("aria-current", "page");

  await logout(page);
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  const denied = await page.goto("/admin/bank-mutations");
  expect(denied?.status()).toBe(404);
  await expect(page.getByText("Halaman tidak ditemukan")).toBeVisible();
});
