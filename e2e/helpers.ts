import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { seedTotpSecrets } from "../prisma/seed-totp";

export const SEEDED = {
  admin: { email: "admin@saldo.test", password: "admin12345" },
  admin2: { email: "admin2@saldo.test", password: "admin2-12345" },
  merchant: { email: "merchant@saldo.test", password: "merchant12345" },
  finance: { email: "finance@saldo.test", password: "finance-12345" },
  developer: { email: "developer@saldo.test", password: "developer-12345" },
  viewer: { email: "viewer@saldo.test", password: "viewer-12345" },
};

// Two-factor in the tests. The seeded admins' secrets are known (prisma/seed-totp.ts); a user
// a spec enrols is remembered here with its secret. A code is accepted once per 30-second step
// (anti-replay) and for one step either side, so the helper keeps the last step it used per
// secret and takes the next unused one: the current step, else the next (accepted early as
// clock skew), else it waits. Kept in a file per e2e port, so it survives a worker restart.
const PERIOD_MS = 30_000;
const stateFile = path.join(os.tmpdir(), `saldo-e2e-totp-${process.env.E2E_PORT ?? 3100}.json`);
type TotpState = { secrets: Record<string, string>; lastStep: Record<string, number> };

function readState(): TotpState {
  const seeded = seedTotpSecrets();
  const base: TotpState = { secrets: { [SEEDED.admin.email]: seeded.admin, [SEEDED.admin2.email]: seeded.admin2 }, lastStep: {} };
  if (!existsSync(stateFile)) return base;
  try {
    const saved = JSON.parse(readFileSync(stateFile, "utf8")) as TotpState;
    return { secrets: { ...saved.secrets, ...base.secrets }, lastStep: saved.lastStep ?? {} };
  } catch {
    return base;
  }
}

function writeState(state: TotpState) {
  writeFileSync(stateFile, JSON.stringify(state));
}

/** Remembers the TOTP secret of a user a spec enrolled, for later sign-ins. */
export function rememberTotpSecret(email: string, secret: string) {
  const state = readState();
  state.secrets[email] = secret.replace(/\s+/g, "");
  writeState(state);
}

export function totpSecretOf(email: string): string | undefined {
  return readState().secrets[email];
}

/** The code of `secret` for a time step (default: now). */
export function totpCode(secret: string, step = Math.floor(Date.now() / PERIOD_MS)): string {
  return new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, "")) }).generate({ timestamp: step * PERIOD_MS + 1 });
}

/** A code of `secret` not used before by this helper, waiting for a fresh step only when needed. */
export async function freshTotpCode(secret: string): Promise<string> {
  const state = readState();
  const last = state.lastStep[secret] ?? -1;
  let now = Math.floor(Date.now() / PERIOD_MS);
  const step = Math.max(now, last + 1);
  while (step > now + 1) {
    await new Promise((r) => setTimeout(r, (now + 1) * PERIOD_MS - Date.now() + 50));
    now = Math.floor(Date.now() / PERIOD_MS);
  }
  state.lastStep[secret] = step;
  writeState(state);
  return totpCode(secret, step);
}

/**
 * Signs in through the login form (Indonesian labels, the default language). For a user with
 * two-factor whose secret is known, it answers the code step too.
 */
export async function login(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^(Kata sandi|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click();
  const secret = totpSecretOf(email);
  if (!secret) return;
  const codeField = page.getByLabel(/^(Kode autentikasi|Authentication code)$/);
  const refused = page.getByText(/^(Kode salah atau sudah dipakai\.|The code is wrong or was already used\.)$/);
  const signedIn = () => !new URL(page.url()).pathname.startsWith("/login");
  // The code step, a refusal (a wrong password, as a spec may test), or already in the app.
  await expect.poll(async () => signedIn() || (await codeField.isVisible()) || (await page.locator("form p[role=alert]").first().isVisible()), { timeout: 20_000 }).toBe(true);
  if (signedIn() || !(await codeField.isVisible())) return;
  for (let attempt = 0; attempt < 3; attempt++) {
    await codeField.fill(await freshTotpCode(secret));
    await page.getByRole("button", { name: /^(Verifikasi|Verify)$/ }).click();
    await expect.poll(async () => signedIn() || (await refused.isVisible()), { timeout: 20_000 }).toBe(true);
    if (signedIn()) return;
  }
  throw new Error(`the TOTP step for ${email} kept refusing the code`);
}

/**
 * Enrols the signed-in user in two-factor on /security/two-factor, as a person would with an
 * app (the code from the secret shown as text). Returns the secret and the recovery codes.
 */
export async function enrolTwoFactor(page: Page, email: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.goto("/security/two-factor");
  await page.getByRole("button", { name: /^(Aktifkan autentikasi dua faktor|Set up two-factor authentication)$/ }).click();
  await expect(page.getByTestId("totp-qr")).toBeVisible();
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel(/^(Kode autentikasi|Authentication code)$/).fill(await freshTotpCode(secret));
  await page.getByRole("button", { name: /^(Konfirmasi dan aktifkan|Confirm and turn on)$/ }).click();
  const list = page.getByTestId("recovery-codes");
  await expect(list).toBeVisible();
  const recoveryCodes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
  expect(recoveryCodes).toHaveLength(10);
  rememberTotpSecret(email, secret);
  return { secret, recoveryCodes };
}

/** Portal withdrawals need two-factor: enrols the signed-in user unless they already are. */
export async function ensureTwoFactor(page: Page, email: string) {
  await page.goto("/security/two-factor");
  const status = page.getByTestId("two-factor-status");
  await expect(status).toBeVisible();
  if (/^(Aktif|On)$/.test(((await status.textContent()) ?? "").trim())) return;
  await enrolTwoFactor(page, email);
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: /^(Keluar|Sign out)$/ }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** The second app process that scripts/e2e-server.mjs starts on the same database. */
export const SECOND_ORIGIN = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 1}`;
