// The merchant's prepaid API credentials: `username` is its registered phone number, `api_key`
// its prepaid key. The server must read the key (it computes md5(username + key + …) like IAK
// does), so it is stored sealed with AES-256-GCM under DATA_ENCRYPTION_KEY
// (server/crypto/data-encryption.ts), bound to its merchant, rather than hashed. It is shown to
// the signed-in merchant, and can be regenerated — the old one stops working at once.
// A row from before encryption holds the key in clear: it still works, and is sealed the first
// time it is read (or by `npm run secrets:rotate`), as is one sealed under an old key.
import { randomBytes } from "node:crypto";
import { openSecret, sealSecret } from "../crypto/data-encryption";
import { db, transaction } from "../db";
import { AppError } from "../errors";

export function newPrepaidKey(): string {
  return randomBytes(16).toString("hex");
}

const context = (merchantId: string) => `merchant:${merchantId}:prepaidApiKey`;

/** The value to store in `Merchant.prepaidApiKey` for `key`. */
export function sealPrepaidKey(merchantId: string, key: string): string {
  return sealSecret(key, context(merchantId));
}

/**
 * The clear key from a stored value (null stays null). A legacy clear value or one sealed under
 * an old key is sealed again under the current key, guarded by the value read, so a concurrent
 * regeneration is never overwritten. Throws when no configured key opens it.
 */
export async function openPrepaidKey(merchantId: string, stored: string | null): Promise<string | null> {
  if (stored === null) return null;
  const opened = openSecret(stored, context(merchantId));
  if (!opened.current) {
    const sealed = sealPrepaidKey(merchantId, opened.value);
    await transaction((tx) => tx.merchant.updateMany({ where: { id: merchantId, prepaidApiKey: stored }, data: { prepaidApiKey: sealed } })).catch((error: unknown) => {
      console.error(`Could not seal merchant ${merchantId}'s prepaid key again (it keeps working; npm run secrets:rotate retries):`, error);
    });
  }
  return opened.value;
}

export async function getPrepaidCredentials(merchantId: string) {
  const merchant = await db.merchant.findUnique({ where: { id: merchantId }, select: { phone: true, prepaidApiKey: true, prepaidIpAllowlist: true } });
  if (!merchant) throw new AppError("NOT_FOUND", "Merchant tidak ditemukan / Merchant not found");
  return { username: merchant.phone, apiKey: await openPrepaidKey(merchantId, merchant.prepaidApiKey), ipAllowlist: merchant.prepaidIpAllowlist };
}
