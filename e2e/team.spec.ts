import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { SEEDED, ensureTwoFactor, login, logout } from "./helpers";
import { linkIn, waitForMail } from "./mail";

// Issue 16, teams: the owner invites a finance member by email; the invitation arrives over SMTP;
// the invitee sets a password, joins and requests a withdrawal. The seeded viewer sees balances,
// no withdrawal form, and every portal page renders for them.

const INVITEE = { email: `e2e-keuangan-${Date.now()}@saldo.test`, name: "E2E Keuangan", password: "keuangan-e2e-123" };
const WITHDRAWAL = { amount: 12_345, total: 13_345, name: "E2E Tim Keuangan" };
const rupiah = (n: number) => `Rp ${n.toLocaleString("id-ID")}`;

const PORTAL_PAGES = ["/dashboard", "/topup", "/invoices", "/withdrawals", "/products", "/developers", "/developers/webhooks", "/settings", "/notifications", "/statements", "/team"];

async function expectPageRenders(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
  await expect(page.getByText("Terjadi kesalahan"), path).toHaveCount(0);
}

test("the owner invites a finance member who joins and withdraws; the viewer sees balances but no withdrawal form", async ({ page }) => {
  await login(page, SEEDED.merchant.email, SEEDED.merchant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("link", { name: "Tim", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Tim" })).toBeVisible();
  await expect(page.getByTestId("permission-matrix")).toContainText("Mengajukan penarikan");
  await expectNoSeriousA11yViolations(page, "team page (owner)");

  await page.getByLabel("Email").fill(INVITEE.email);
  await page.getByLabel("Peran", { exact: true }).selectOption("finance");
  await page.getByRole("button", { name: "Kirim undangan" }).click();
  await expect(page.getByTestId("invite-notice")).toContainText(INVITEE.email);
  await expect(page.getByTestId("invitation-row").filter({ hasText: INVITEE.email })).toContainText("Keuangan");
  await logout(page);

  // The invitation, as the real SMTP server received it.
  const mail = await waitForMail(INVITEE.email, /Undangan bergabung dengan Toko Demo Saldo/);
  expect(mail.text).toContain("Keuangan");
  const link = linkIn(mail, "/invite/");

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Undangan bergabung" })).toBeVisible();
  await expect(page.getByText("Toko Demo Saldo")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "invitation page");
  await page.getByLabel("Nama lengkap").fill(INVITEE.name);
  await page.getByLabel("Kata sandi").fill("pendek");
  await page.getByRole("button", { name: "Bergabung" }).click();
  await expect(page.getByText("Kata sandi minimal 10 karakter")).toBeVisible();
  await page.getByLabel("Kata sandi").fill(INVITEE.password);
  await page.getByRole("button", { name: "Bergabung" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("active-merchant")).toContainText("Toko Demo Saldo");
  await expect(page.getByTestId("active-merchant")).toContainText("Keuangan");

  // Finance may withdraw, after enrolling two-factor: asked at the first withdrawal.
  const fillWithdrawal = async () => {
    await page.goto("/withdrawals");
    await page.getByLabel("Nominal (Rp)").fill(String(WITHDRAWAL.amount));
    await expect(page.getByTestId("withdraw-total")).toHaveText(rupiah(WITHDRAWAL.total));
    await page.getByLabel("Nomor rekening / HP").fill("081234567890");
    await page.getByLabel("Nama pemilik rekening").fill(WITHDRAWAL.name);
    await page.getByRole("button", { name: "Ajukan penarikan" }).click();
  };
  await fillWithdrawal();
  await expect(page.getByTestId("withdraw-two-factor")).toBeVisible();
  await ensureTwoFactor(page, INVITEE.email);
  await fillWithdrawal();
  await expect(page.getByTestId("withdraw-result")).toContainText("Permintaan penarikan berhasil diajukan");
  await expect(page.getByTestId("withdraw-result-status")).toHaveAttribute("data-status", "pending");

  // The link is single use.
  await logout(page);
  await page.goto(link);
  await expect(page.getByTestId("invitation-invalid")).toContainText("sudah dipakai");

  // The viewer: balances yes, the withdrawal form no, and no page fails to render.
  await login(page, SEEDED.viewer.email, SEEDED.viewer.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("available-balance")).toContainText("Rp");
  await expect(page.getByTestId("topbar-balance")).toContainText("Rp");
  await expect(page.getByRole("navigation").first().getByRole("link", { name: "Developer", exact: true })).toHaveCount(0);

  await page.goto("/withdrawals");
  await expect(page.getByTestId("withdraw-available")).toContainText("Rp");
  await expect(page.getByRole("button", { name: "Ajukan penarikan" })).toHaveCount(0);
  await expect(page.getByLabel("Nominal (Rp)")).toHaveCount(0);
  await expect(page.getByTestId("role-notice")).toBeVisible();

  for (const path of PORTAL_PAGES) await expectPageRenders(page, path);
  await expect(page.getByTestId("member-row").filter({ hasText: INVITEE.email })).toContainText("Keuangan");
  await expect(page.getByRole("button", { name: "Kirim undangan" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "team page (viewer)");

  // At 390 px the team page still works.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/team");
  await expect(page.getByTestId("permission-matrix")).toBeVisible();
});
