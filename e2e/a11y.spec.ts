import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { SEEDED, login, logout } from "./helpers";

// axe on every page (public, portal, admin, docs): no serious or critical violations. Pages that
// need a record of their own (an invoice, a pay page here; a payment link, a batch, a receipt,
// an invitation in their own specs) are checked where that record is made.
async function visit(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await expectNoSeriousA11yViolations(page, path);
}

test.setTimeout(180_000);

test("public pages and the API docs have no serious accessibility violations", async ({ page }) => {
  for (const path of ["/login", "/register", "/forgot-password", "/reset-password?token=unknown", "/verify-email?token=unknown", "/docs", "/dev/mailbox"]) await visit(page, path);
});

test("portal pages have no serious accessibility violations", async ({ page }) => {
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  for (const path of [
    "/dashboard",
    "/topup",
    "/invoices",
    "/payment-links",
    "/payment-links/new",
    "/withdrawals",
    "/withdrawals/batch",
    "/products",
    "/developers",
    "/developers/webhooks",
    "/statements",
    "/notifications",
    "/team",
    "/settings",
    "/security",
    "/security/two-factor",
  ])
    await visit(page, path);
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
  for (const path of ["/admin", "/admin/merchants", "/admin/withdrawals", "/admin/bank-mutations", "/admin/products", "/admin/audit", "/admin/statements", "/admin/mail", "/admin/staff", "/security"]) await visit(page, path);
  // One merchant's page, from the list.
  await page.goto("/admin/merchants");
  await page.getByRole("link", { name: "Toko Demo Saldo" }).first().click();
  await expect(page).toHaveURL(/\/admin\/merchants\/[^/]+$/);
  await page.waitForLoadState("networkidle");
  await expectNoSeriousA11yViolations(page, "admin merchant detail");
});
