import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { SECOND_ORIGIN, SEEDED, login } from "./helpers";

// Issue 15: payment links. The merchant makes a link; a payer in another browser (served by the
// other app process) pays it by QRIS; the merchant, watching the link's page, sees it paid.
const toNumber = (s: string | null) => Number((s ?? "").replace(/[^\d]/g, ""));

async function createLink(page: Page, fields: { amount?: string; min?: string; max?: string; description: string; singleUse?: boolean }) {
  await page.goto("/payment-links");
  await page.getByRole("link", { name: "Buat link pembayaran" }).click();
  await expect(page).toHaveURL(/\/payment-links\/new$/);
  if (fields.amount) {
    await page.getByLabel("Nominal (Rp)").fill(fields.amount);
  } else {
    await page.getByLabel("Dipilih pembayar, antara minimum dan maksimum").check();
    await page.getByLabel("Nominal minimum (Rp)").fill(fields.min ?? "");
    await page.getByLabel("Nominal maksimum (Rp)").fill(fields.max ?? "");
  }
  await page.getByLabel("Deskripsi").fill(fields.description);
  if (fields.singleUse) await page.getByLabel(/^Sekali pakai/).check();
  await page.getByRole("button", { name: "Buat link" }).click();
  await expect(page).toHaveURL(/\/payment-links\/pl_[0-9a-z]{26}$/);
  return page.url().split("/").pop()!;
}

test("a payment link is paid by QRIS in one browser while the merchant watches it in another", async ({ page, browser }) => {
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  const before = toNumber(await page.getByTestId("topbar-balance").textContent());

  // The form says what is wrong before anything is sent.
  await page.goto("/payment-links/new");
  await page.getByRole("button", { name: "Buat link" }).click();
  await expect(page.getByText("Isi nominal rupiah bulat di atas 0.")).toBeVisible();
  await expect(page.getByText("Isi deskripsi (paling banyak 200 karakter).")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "new payment link form with errors");

  const id = await createLink(page, { amount: "35000", description: "Kaos Saldo e2e", singleUse: true });
  await expect(page.getByRole("heading", { level: 1, name: "Kaos Saldo e2e" })).toBeVisible();
  await expect(page.getByTestId("link-url")).toHaveText(new RegExp(`/l/${id}$`));
  await expect(page.getByTestId("link-qr")).toBeVisible();
  await expect(page.getByTestId("link-status")).toHaveAttribute("data-status", "active");
  await expect(page.getByText("Belum ada pembayaran")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "payment link detail");
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  // The payer, in another browser, on the public page of the other app process.
  const payerContext = await browser.newContext();
  const payer = await payerContext.newPage();
  await payer.goto(`${SECOND_ORIGIN}/l/${id}`);
  await expect(payer.getByTestId("link-description")).toHaveText("Kaos Saldo e2e");
  await expect(payer.getByTestId("link-amount")).toHaveText("Rp 35.000");
  await expect(payer.getByRole("radio", { name: /QRIS/ })).toBeChecked();
  await expect(payer.getByTestId("link-quote-total")).toHaveText("Rp 35.245"); // 0,7 % QRIS fee, paid by the payer
  await expectNoSeriousA11yViolations(payer, "payment link payer page");
  await payer.getByRole("button", { name: "Lanjut ke pembayaran" }).click();
  await expect(payer).toHaveURL(/\?payment=inv_[0-9a-z]{26}$/);
  await expect(payer.getByTestId("qris-code")).toBeVisible();
  await expect(payer.getByTestId("payment-total")).toHaveText("Rp 35.245");

  // The merchant sees the pending payment appear without reloading.
  const row = page.getByTestId("link-payment-row");
  await expect(row).toHaveCount(1, { timeout: 15_000 });
  await expect(row.getByTestId("deposit-status")).toHaveAttribute("data-status", "pending");

  await payer.getByRole("button", { name: "Simulasikan pembayaran (sandbox)" }).click();
  await expect(payer.getByTestId("payment-panel")).toHaveAttribute("data-status", "paid", { timeout: 10_000 });

  // …and then paid, with the totals, the link completed and the balance credited — still no reload.
  await expect(row.getByTestId("deposit-status")).toHaveAttribute("data-status", "paid", { timeout: 15_000 });
  await expect(page.getByTestId("link-paid-count")).toHaveText("1");
  await expect(page.getByTestId("link-total-paid")).toHaveText("Rp 35.000");
  await expect(page.getByTestId("link-status")).toHaveAttribute("data-status", "completed");
  await expect.poll(async () => toNumber(await page.getByTestId("topbar-balance").textContent()), { timeout: 15_000 }).toBe(before + 35_000);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // A single-use link, once paid, tells the next visitor so.
  await payer.goto(`${SECOND_ORIGIN}/l/${id}`);
  await expect(payer.getByTestId("link-closed")).toHaveAttribute("data-status", "completed");
  await expect(payer.getByText("Link ini sudah dibayar")).toBeVisible();
  await payerContext.close();

  // The list counts it.
  await page.goto("/payment-links");
  const listed = page.getByTestId("link-row").filter({ hasText: "Kaos Saldo e2e" });
  await expect(listed).toContainText("Rp 35.000");
  await expect(listed.getByTestId("link-status")).toHaveAttribute("data-status", "completed");
  await expectNoSeriousA11yViolations(page, "payment links list");
});

test("an open-amount link at 390 px: the payer chooses the amount within bounds; a deactivated link takes no payment", async ({ page, browser }) => {
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  const id = await createLink(page, { min: "10000", max: "50000", description: "Donasi e2e" });

  const payerContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const payer = await payerContext.newPage();
  await payer.goto(`${SECOND_ORIGIN}/l/${id}`);
  await expect(payer.getByTestId("link-amount")).toHaveText("Antara Rp 10.000 dan Rp 50.000");
  await payer.getByLabel("Nominal yang dibayar (Rp)").fill("60000");
  await payer.getByRole("button", { name: "Lanjut ke pembayaran" }).click();
  await expect(payer.getByText("Nominal harus antara Rp 10.000 dan Rp 50.000.")).toBeVisible();
  await payer.getByLabel("Nominal yang dibayar (Rp)").fill("20000");
  await payer.getByRole("radio", { name: /Virtual Account BNI/ }).check();
  await expect(payer.getByTestId("link-quote-total")).toHaveText("Rp 24.000");
  const overflow = await payer.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(390);
  await payer.getByRole("button", { name: "Lanjut ke pembayaran" }).click();
  await expect(payer.getByTestId("va-number")).toBeVisible();
  await expect(payer.getByTestId("payment-total")).toHaveText("Rp 24.000");

  // The merchant switches it off, after confirming.
  await page.getByRole("button", { name: "Nonaktifkan link" }).click();
  await page.getByRole("button", { name: "Ya, nonaktifkan" }).click();
  await expect(page.getByTestId("link-status")).toHaveAttribute("data-status", "inactive", { timeout: 10_000 });
  await payer.goto(`${SECOND_ORIGIN}/l/${id}`);
  await expect(payer.getByTestId("link-closed")).toHaveAttribute("data-status", "inactive");
  await expectNoSeriousA11yViolations(payer, "inactive payment link at 390 px");
  await payerContext.close();
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the merchant's payment link pages fit a phone: list, form and detail do not scroll sideways", async ({ page }) => {
    await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    const fits = async (name: string) => {
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways`).toBeLessThanOrEqual(390);
    };
    await page.goto("/payment-links/new");
    await fits("new link form");
    await page.getByLabel("Nominal (Rp)").fill("15000");
    await page.getByLabel("Deskripsi").fill("Parkir bulanan dengan deskripsi yang cukup panjang untuk dibungkus di layar kecil");
    await page.getByRole("button", { name: "Buat link" }).click();
    await expect(page).toHaveURL(/\/payment-links\/pl_[0-9a-z]{26}$/);
    await expect(page.getByTestId("link-qr")).toBeVisible();
    await fits("link detail");
    await page.goto("/payment-links");
    await expect(page.getByTestId("link-row").first()).toBeVisible();
    await fits("link list");
  });
});
