import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { SEEDED, login, logout } from "./helpers";

// axe on every kind of page (public, portal, admin, docs): no serious or critical violations.
async function visit(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await expectNoSeriousA11yViolations(page, path);
}

test.setTimeout(180_000);

test("public pages and the API docs have no serious accessibility violations", async ({ page }) => {
  for (const path of ["/login", "/register", "/docs"]) await visit(page, path);
});

test("portal pages have no serious accessibility violations", async ({ page }) => {
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  for (const path of ["/dashboard", "/topup", "/invoices", "/withdrawals", "/products", "/developers", "/settings"]) await visit(page, path);
  // The public payment page of a fresh invoice.
  await page.goto("/topup");
  await page.getByRole("radio", { name: /QRIS/ }).check();
  await page.getByLabel("Nominal (Rp)").fill("12000");
  await page.getByRole("button", { name: "Buat tagihan" }).click();
  await expect(page).toHaveURL(/\/invoices\/inv_[0-9a-z]{26}$/);
  const invoiceId = page.url().split("/").pop()!;
  await expectNoSeriousA11yViolations(page, "invoice detail");
  await logout(page);
  await visit(page, `/pay/${invoiceId}`);
});

test("admin pages have no serious accessibility violations", async ({ page }) => {
  await login(page, SEEDED.admin.email, SEEDED.admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  for (const path of ["/admin", "/admin/withdrawals", "/admin/bank-mutations", "/admin/products", "/admin/audit"]) await visit(page, path);
});
