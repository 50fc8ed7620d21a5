import { expect, test, type Page } from "@playwright/test";
import { SEEDED, login, logout } from "./helpers";

// The main pages at 390 px wide (a phone): the navigation is a menu button, nothing scrolls
// sideways (wide tables scroll inside their own frame), and a screenshot of each page is kept with
// the e2e artifacts in test-results/mobile/.
const WIDTH = 390;
test.use({ viewport: { width: WIDTH, height: 844 }, isMobile: true, hasTouch: true });

async function checkPage(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(overflow.scroll, `${name} scrolls sideways`).toBeLessThanOrEqual(WIDTH);
  await page.screenshot({ path: `test-results/mobile/${name}.png`, fullPage: true });
}

test("merchant pages at 390 px: no sideways scrolling, and the menu opens and navigates", async ({ page }) => {
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await checkPage(page, "dashboard");

  // The navigation is behind a menu button, not a strip of links.
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("link", { name: "Penarikan" })).toBeHidden();
  await menu.click();
  await expect(page.getByRole("button", { name: "Tutup menu" })).toHaveAttribute("aria-expanded", "true");
  await page.getByRole("link", { name: "Penarikan" }).click();
  await expect(page).toHaveURL(/\/withdrawals$/);
  await expect(page.getByRole("heading", { level: 1, name: "Penarikan" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "false");
  await checkPage(page, "withdrawals");

  // Escape closes the menu too.
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("link", { name: "Developer" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("link", { name: "Developer" })).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("link", { name: "Developer" }).click();
  await expect(page).toHaveURL(/\/developers$/);
  await checkPage(page, "developers");

  // The public payment page of a fresh QRIS invoice.
  await page.goto("/topup");
  await page.getByRole("radio", { name: /QRIS/ }).check();
  await page.getByLabel("Nominal (Rp)").fill("15000");
  await page.getByRole("button", { name: "Buat tagihan" }).click();
  await expect(page).toHaveURL(/\/invoices\/inv_[0-9a-z]{26}$/);
  const invoiceId = page.url().split("/").pop()!;
  await checkPage(page, "invoice");
  await logout(page);
  await page.goto(`/pay/${invoiceId}`);
  await expect(page.getByTestId("qris-code")).toBeVisible();
  await checkPage(page, "pay");
});

test("admin desk at 390 px: the wide table scrolls in its frame, and the admin menu navigates", async ({ page }) => {
  await login(page, SEEDED.admin.email, SEEDED.admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  await checkPage(page, "admin-overview");
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("link", { name: "Antrean penarikan" }).click();
  await expect(page).toHaveURL(/\/admin\/withdrawals$/);
  await expect(page.getByRole("heading", { level: 1, name: "Antrean penarikan" })).toBeVisible();
  await checkPage(page, "admin-desk");
});
