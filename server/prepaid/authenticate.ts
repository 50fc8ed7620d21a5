// Who is calling the prepaid API: `username` is the merchant's registered phone number and
// `sign` is md5(username + prepaid api_key + <what the endpoint signs>) in hex — the ref_id for
// top-up and check-status, "pl" for pricelist, "bl" for check-balance, the customer_id for
// inquiry-pln. The server must compute the same digest, so the key is stored sealed (AES-256-GCM,
// prepaid-credentials.ts), not hashed, and opened here. A merchant may restrict the API to a list
// of addresses (`prepaidIpAllowlist`, like an API key's allow-list): a right sign from elsewhere
// is rc 102.
import { createHash, timingSafeEqual } from "node:crypto";
import { db } from "../db";
import { openPrepaidKey } from "./prepaid-credentials";
import { RESPONSE_CODES } from "./response-codes";

export function md5Hex(text: string): string {
  return createHash("md5").update(text, "utf8").digest("hex");
}

/** The sign a caller must send: md5(username + apiKey + signed). */
export function prepaidSign(username: string, apiKey: string, signed: string): string {
  return md5Hex(`${username}${apiKey}${signed}`);
}

export type PrepaidCaller = { merchantId: string; username: string };
export type AuthResult = { ok: true; caller: PrepaidCaller } | { ok: false; rc: (typeof RESPONSE_CODES)["CANNOT_AUTHENTICATE" | "WRONG_AUTHENTICATION" | "INVALID_IP"] };

/** What the route knows about the request beyond its fields: the client's address (server/http/client-ip.ts). */
export type PrepaidRequestContext = { ip?: string };

/** The addresses of a comma-separated allow-list; empty = any. */
export function prepaidIpAllowlist(stored: string | null): string[] {
  return (stored ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

export async function authenticatePrepaid(input: { username: string; sign: string; signed: string; ip?: string }): Promise<AuthResult> {
  const merchant = await db.merchant.findUnique({ where: { phone: input.username }, select: { id: true, status: true, prepaidApiKey: true, prepaidIpAllowlist: true } });
  if (!merchant || !merchant.prepaidApiKey || merchant.status !== "ACTIVE") return { ok: false, rc: RESPONSE_CODES.CANNOT_AUTHENTICATE };
  let apiKey: string | null;
  try {
    apiKey = await openPrepaidKey(merchant.id, merchant.prepaidApiKey);
  } catch (error) {
    // Sealed under a key this server does not have (or altered): nobody can sign for it.
    console.error(`Prepaid key of merchant ${merchant.id} does not open:`, error);
    return { ok: false, rc: RESPONSE_CODES.CANNOT_AUTHENTICATE };
  }
  if (!apiKey) return { ok: false, rc: RESPONSE_CODES.CANNOT_AUTHENTICATE };
  const expected = Buffer.from(prepaidSign(input.username, apiKey, input.signed), "utf8");
  const given = Buffer.from(input.sign.toLowerCase(), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, rc: RESPONSE_CODES.WRONG_AUTHENTICATION };
  // An unknown address (see client-ip.ts) is not on any list.
  const allowed = prepaidIpAllowlist(merchant.prepaidIpAllowlist);
  if (allowed.length && (!input.ip || !allowed.includes(input.ip))) return { ok: false, rc: RESPONSE_CODES.INVALID_IP };
  return { ok: true, caller: { merchantId: merchant.id, username: input.username } };
}
