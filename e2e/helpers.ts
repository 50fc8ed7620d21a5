import { expect, type Page } from "@playwright/test";

export const SEEDED = {
  admin: { email: "admin@saldo.test", password: "admin12345" },
  admin2: { email: "admin2@saldo.test", password: "admin2-12345" },
  merchant: { email: "merchant@saldo.test", password: "merchant12345" },
  finance: { email: "finance@saldo.test", password: "finance-12345" },
  developer: { email: "developer@saldo.test", password: "developer-12345" },
  viewer: { email: "viewer@saldo.test", password: "viewer-12345" },
};

/** Signs in through the login form (Indonesian labels, the default language). */
export async function login(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^(Kata sandi|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click();
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: /^(Keluar|Sign out)$/ }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** The second app process that scripts/e2e-server.mjs starts on the same database. */
export const SECOND_ORIGIN = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 1}`;
