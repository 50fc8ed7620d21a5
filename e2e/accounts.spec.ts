// Issue 16 (accounts): email verification and password reset through real mail (the e2e SMTP
// server), and the Security page ending a session in another browser served by another process.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";
import { SECOND_ORIGIN, SEEDED, login, logout } from "./helpers";
import { linkIn, waitForMail } from "./mail";

async function register(page: Page, name: string, email: string, password: string) {
  await page.goto("/register");
  await page.getByLabel("Nama usaha").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Daftar" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test("a new merchant receives the verification mail, opens the link and is verified", async ({ page }) => {
  const email = `verif-${Date.now()}@saldo.test`;
  await register(page, "Toko Verifikasi", email, "kebun-teh-hijau-1");
  await expect(page.getByTestId("verify-email-banner")).toContainText(email);

  const mail = await waitForMail(email, /Verifikasi email/);
  const link = linkIn(mail, "/verify-email?token=");
  await page.goto(link);
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-result", "verified");
  await page.getByRole("link", { name: "Ke portal" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("verify-email-banner")).toHaveCount(0);

  // The link works once.
  await page.goto(link);
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-result", "already_verified");
});

test("a forgotten password is reset from the mail: the old one stops working, the new one works", async ({ page }) => {
  const email = `lupa-${Date.now()}@saldo.test`;
  await register(page, "Toko Lupa", email, "sandi-lama-sekali-1");
  await logout(page);

  await page.getByRole("link", { name: "Lupa kata sandi?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Kirim tautan" }).click();
  await expect(page.getByTestId("reset-requested")).toContainText("Jika alamat itu terdaftar");
  // The sandbox (staging / demo) offers its mailbox.
  await expect(page.getByRole("link", { name: "Buka kotak surat pengembangan" })).toBeVisible();

  const mail = await waitForMail(email, /Atur ulang kata sandi/);
  const link = linkIn(mail, "/reset-password?token=");
  await page.goto(link);
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("password1234");
  await page.getByLabel("Ulangi kata sandi baru").fill("password1234");
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "terlalu umum" })).toBeVisible();
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("sandi-baru-cerah-2");
  await page.getByLabel("Ulangi kata sandi baru").fill("sandi-baru-cerah-2");
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page.getByTestId("reset-done")).toBeVisible();

  // Used once: the same link now says so, with a way to ask again.
  await page.goto(link);
  await expect(page.getByTestId("reset-link-invalid")).toBeVisible();
  await expect(page.getByRole("link", { name: "Minta tautan baru" })).toHaveAttribute("href", "/forgot-password");

  await login(page, email, "sandi-lama-sekali-1");
  await expect(page.getByText("Email atau kata sandi salah.")).toBeVisible();
  await login(page, email, "sandi-baru-cerah-2");
  await expect(page).toHaveURL(/\/dashboard$/);

  // The dev mailbox lists the mail (sent over SMTP here, so its body is gone).
  await page.goto("/dev/mailbox");
  await expect(page.getByTestId("mail-row").filter({ hasText: email }).filter({ hasText: "Atur ulang kata sandi" })).toHaveCount(1);
});

test("the Security page lists two sessions; signing out the other one ends it in the other browser", async ({ page, browser }) => {
  const email = `sesi-${Date.now()}@saldo.test`;
  const password = "dua-peramban-aman-3";
  await register(page, "Toko Sesi", email, password);

  // A second browser, served by the second app process.
  const other = await browser.newContext({ baseURL: SECOND_ORIGIN });
  const otherPage = await other.newPage();
  await login(otherPage, email, password);
  await expect(otherPage).toHaveURL(/\/dashboard$/);

  await page.getByRole("link", { name: "Keamanan" }).first().click();
  await expect(page).toHaveURL(/\/security$/);
  const rows = page.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  await expect(page.locator('[data-testid="session-row"][data-current="true"]')).toContainText("Perangkat ini");
  await expect(page.getByTestId("sign-in-row")).toHaveCount(2);
  await expect(page.getByTestId("sign-in-row").first()).toContainText("WIB");
  await expectNoSeriousA11yViolations(page, "/security");

  const otherRow = page.locator('[data-testid="session-row"][data-current="false"]');
  await otherRow.getByRole("button", { name: /^Keluarkan sesi/ }).click();
  await page.getByRole("button", { name: "Ya, keluarkan" }).click();
  await expect(rows).toHaveCount(1);

  // The other browser is sent to the login page on its next navigation (SESSION_REFRESH_SECONDS).
  await expect(async () => {
    await otherPage.goto("/dashboard");
    await expect(otherPage).toHaveURL(/\/login/, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  // This browser is still signed in.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
  await other.close();
});

test("the new pages at 390 px pass axe without sideways scrolling: forgot / reset password, dev mailbox, Security", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const fits = async (name: string) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page, name);
  };
  await page.goto("/forgot-password");
  await fits("/forgot-password");
  await page.goto("/reset-password?token=not-a-real-token");
  await expect(page.getByTestId("reset-link-invalid")).toBeVisible();
  await fits("/reset-password (invalid link)");
  // Registering queues a verification mail, so the mailbox has at least one row.
  const email = `kecil-${Date.now()}@saldo.test`;
  await register(page, "Toko Kecil", email, "layar-kecil-saja-4");
  await page.goto("/dev/mailbox");
  const row = page.getByTestId("mail-row").filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await fits("/dev/mailbox");
  await row.getByRole("link").click();
  await expect(page.getByRole("link", { name: /Kembali ke kotak surat/ })).toBeVisible();
  await fits("/dev/mailbox/[id]");

  await page.goto("/security");
  await expect(page.getByTestId("session-row")).toHaveCount(1);
  await fits("/security");
});

test("an admin reaches the Security page from the admin navigation and sees this device", async ({ page }) => {
  await login(page, SEEDED.admin.email, SEEDED.admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("link", { name: "Keamanan" }).first().click();
  await expect(page).toHaveURL(/\/security$/);
  await expect(page.getByRole("heading", { level: 1, name: "Keamanan" })).toBeVisible();
  await expect(page.locator('[data-testid="session-row"][data-current="true"]')).toContainText("Perangkat ini");
  await expect(page.getByRole("link", { name: "Antrean penarikan" }).first()).toBeVisible();
});
