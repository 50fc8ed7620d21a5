import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { SEEDED, ensureTwoFactor, login, logout } from "./helpers";
import { mailTo, waitForMail } from "./mail";

// Amounts no other spec uses, so the rows and mails are easy to find.
const FIRST = { amount: 31_415, name: "E2E Surat Satu" };
const SECOND = { amount: 27_183, name: "E2E Surat Dua" };
const NOTE = "E2E: rekening tujuan diblokir bank";
const MERCHANT_USER = "Toko Demo Saldo";
const UNTICK = `Penarikan diputuskan: ${MERCHANT_USER} menerima`;

const rupiah = (n: number) => `Rp ${n.toLocaleString("id-ID")}`;

async function requestWithdrawal(page: Page, w: { amount: number; name: string }) {
  await page.goto("/withdrawals");
  await page.getByLabel("Nominal (Rp)").fill(String(w.amount));
  await page.getByLabel("Nomor rekening / HP").fill("081234567890");
  await page.getByLabel("Nama pemilik rekening").fill(w.name);
  await page.getByRole("button", { name: "Ajukan penarikan" }).click();
  await expect(page.getByTestId("withdraw-result")).toBeVisible();
  return ((await page.getByTestId("withdraw-result-id").textContent()) ?? "").trim();
}

async function rejectAsAdmin(page: Page, id: string, note: string) {
  await login(page, SEEDED.admin.email, SEEDED.admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/withdrawals");
  const row = page.locator(`[data-testid="queue-row"][data-id="${id}"]`);
  await row.getByRole("button", { name: "Tolak" }).click();
  await row.getByLabel("Catatan penolakan").fill(note);
  await row.getByRole("button", { name: "Tolak penarikan" }).click();
  await expect(row).toHaveCount(0);
}

async function setReceives(page: Page, receives: boolean) {
  await page.goto("/settings");
  const box = page.getByRole("checkbox", { name: UNTICK });
  await expect(box).toBeChecked({ checked: !receives });
  await box.setChecked(receives);
  await page.getByRole("button", { name: "Simpan notifikasi" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Pengaturan notifikasi disimpan" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: UNTICK })).toBeChecked({ checked: receives });
}

test("a rejection is mailed with its note and amount; a user who unticks themselves gets no more; the admin mail log shows the sent mail", async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await ensureTwoFactor(page, SEEDED.merchant.email); // portal withdrawals need two-factor
  const first = await requestWithdrawal(page, FIRST);
  const second = await requestWithdrawal(page, SECOND);
  await logout(page);

  // The admin rejects the first with a note: the mail reaches the real SMTP server.
  await rejectAsAdmin(page, first, NOTE);
  const mail = await waitForMail(SEEDED.merchant.email, /^Penarikan ditolak: Rp 31\.415$/);
  expect(mail.text).toContain(NOTE);
  expect(mail.text).toContain(rupiah(FIRST.amount));
  expect(mail.text).toContain("WIB");
  expect(mail.text).toMatch(/https?:\/\/\S+\/withdrawals/);
  expect(mail.html).toContain(NOTE);
  await logout(page);

  // The merchant unticks themselves for "withdrawal decided".
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Notifikasi email" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "settings with notifications");
  await setReceives(page, false);
  await logout(page);

  // The next decision mails them nothing: no row is even queued for them.
  await rejectAsAdmin(page, second, "E2E: kedua ditolak");
  // The mail log is in the admin navigation.
  await page.getByRole("link", { name: "Log email" }).click();
  await expect(page).toHaveURL(/\/admin\/mail$/);
  await page.goto(`/admin/mail?to=${encodeURIComponent(SEEDED.merchant.email)}&kind=withdrawal-rejected`);
  await expect(page.getByRole("heading", { level: 1, name: "Log email" })).toBeVisible();
  const rows = page.getByTestId("mail-row");
  await expect(rows.filter({ hasText: rupiah(FIRST.amount) })).toHaveCount(1);
  await expect(rows.filter({ hasText: rupiah(SECOND.amount) })).toHaveCount(0);
  // The rejection that was mailed shows as sent (the worker marks it just after the SMTP server took it).
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByTestId("mail-row").filter({ hasText: "Penarikan ditolak: Rp 31.415" }).getByTestId("mail-status").getAttribute("data-status");
    }, { timeout: 30_000 })
    .toBe("sent");
  const sentRow = rows.filter({ hasText: "Penarikan ditolak: Rp 31.415" });
  await expect(sentRow).toContainText(SEEDED.merchant.email);
  await expect(sentRow).toContainText("WIB");
  await expectNoSeriousA11yViolations(page, "admin mail log");
  // Filters: the failed list has no such row, and the status filter is a labelled select.
  await page.getByLabel("Status").selectOption("failed");
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByTestId("mail-row").filter({ hasText: "Penarikan ditolak: Rp 31.415" })).toHaveCount(0);
  expect((await mailTo(SEEDED.merchant.email)).filter((m) => m.subject.includes("27.183"))).toHaveLength(0);
  await logout(page);

  // Put the seeded merchant back as it was for other specs.
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await setReceives(page, true);
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the notification matrix and the mail log do not scroll sideways", async ({ page }) => {
    const noSideways = async (name: string) => {
      await page.waitForLoadState("networkidle");
      const { scroll } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth }));
      expect(scroll, `${name} scrolls sideways`).toBeLessThanOrEqual(390);
    };
    await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto("/settings");
    await expect(page.getByRole("checkbox", { name: UNTICK })).toBeVisible();
    await noSideways("settings");
    await logout(page);
    await login(page, SEEDED.admin.email, SEEDED.admin.password);
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto("/admin/mail");
    await expect(page.getByRole("heading", { level: 1, name: "Log email" })).toBeVisible();
    await expect(page.getByTestId("mail-row").first()).toBeVisible();
    await noSideways("admin mail log");
  });
});
