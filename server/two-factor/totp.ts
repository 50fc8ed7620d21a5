// TOTP (RFC 6238) as authenticator apps read it: SHA-1, 6 digits, 30-second steps. A code is
// accepted for the step before, the current one and the one after (clock skew of ±1 step), and
// only for a step later than the last one accepted (no replay), which the caller records.
import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_WINDOW = 1;
export const TOTP_ISSUER = "Saldo";
export const RECOVERY_CODE_COUNT = 10;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpFor(secretBase32: string, label = "") {
  return new TOTP({ issuer: TOTP_ISSUER, label, algorithm: "SHA1", digits: 6, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** The otpauth:// URI an authenticator app scans. */
export function otpauthUri(secretBase32: string, accountName: string): string {
  return totpFor(secretBase32, accountName).toString();
}

export function totpStep(now: number = Date.now()): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
}

/** The time step `code` belongs to within the window around `now`, or null when it matches none. */
export function matchTotpStep(secretBase32: string, code: string, now: number = Date.now()): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretBase32).validate({ token, timestamp: now, window: TOTP_WINDOW });
  return delta === null ? null : totpStep(now) + delta;
}

export function looksLikeTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s+/g, ""));
}

// Recovery codes: 10 characters of a-z2-7 (50 bits), shown as two groups of five.
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

export function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Bound to the user, so the same code of two users never collides and one user's code opens nothing else. */
export function hashRecoveryCode(userId: string, code: string): string {
  return createHash("sha256").update(`saldo-recovery:${userId}:${normalizeRecoveryCode(code)}`).digest("hex");
}

export function secretContext(userId: string): string {
  return `user:${userId}:totpSecret`;
}
