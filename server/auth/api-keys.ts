// API keys: shown once, stored as a SHA-256 hash (a key is long and random, so a fast hash
// is enough; no KDF needed), told apart in the portal by their prefix.
//
// Modes. A key is a test key (`sk_test_…`, mode "sandbox") or a live key (`sk_live_…`, mode
// "live"), and works only where its kind of money is served: while SANDBOX is on, live keys are
// refused (403) and test keys work; while SANDBOX is off (real providers), test keys are refused
// (403) and live keys work. A key is issued in the mode the installation serves. The docs
// console's key is a test key of its own kind (`sk_test_console_…`): issued only while the
// sandbox serves, and it stops working CONSOLE_KEY_HOURS after it was issued.
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "../db";
import { env } from "../env";

export type KeyMode = "sandbox" | "live";

export const CONSOLE_KEY_PREFIX = "sk_test_console_";
/** How long a console key works: one portal session's length. */
export const CONSOLE_KEY_HOURS = 12;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The mode of the keys this installation issues and accepts: test keys while the sandbox serves, live keys otherwise. */
export function servingKeyMode(): KeyMode {
  return env.SANDBOX ? "sandbox" : "live";
}

/** A key's mode from its text (`sk_live_` or `sk_test_`), or null for a key without either prefix. */
export function modeOfKey(key: string): KeyMode | null {
  if (key.startsWith("sk_live_")) return "live";
  if (key.startsWith("sk_test_")) return "sandbox";
  return null;
}

export function isConsoleKey(key: string): boolean {
  return key.startsWith(CONSOLE_KEY_PREFIX);
}

export function generateApiKey(mode: KeyMode = servingKeyMode(), options: { console?: boolean } = {}): string {
  const random = randomBytes(24).toString("base64url");
  if (options.console) return `${CONSOLE_KEY_PREFIX}${random}`;
  return `sk_${mode === "live" ? "live" : "test"}_${random}`;
}

/**
 * Stores a key for a merchant; pass `key` to import a known one (the seed's SEED_API_KEY), whose
 * `sk_live_` / `sk_test_` prefix then decides its mode. Without either, the mode is `mode` or
 * the one the installation serves.
 */
export async function createApiKey(tx: Tx, input: { merchantId: string; name: string; key?: string; mode?: KeyMode; console?: boolean; ipAllowlist?: string | null }) {
  const mode: KeyMode = input.console ? "sandbox" : ((input.key ? modeOfKey(input.key) : null) ?? input.mode ?? servingKeyMode());
  const key = input.key ?? generateApiKey(mode, { console: input.console });
  const prefix = key.slice(0, isConsoleKey(key) ? CONSOLE_KEY_PREFIX.length + 4 : 12);
  const record = await tx.apiKey.create({
    data: { merchantId: input.merchantId, name: input.name, prefix, keyHash: hashApiKey(key), mode, ipAllowlist: input.ipAllowlist ?? null },
  });
  return { key, record };
}
