// Hex HMAC-SHA512 of a raw body (the X-Signature header of upstream callbacks), compared in
// constant time. Pure crypto, so provider adapters and the HTTP edge can share it.
import { createHmac, timingSafeEqual } from "node:crypto";

export function hmacSha512Hex(secret: string, body: string): string {
  return createHmac("sha512", secret).update(body, "utf8").digest("hex");
}

export function verifyHmacSha512Hex(secret: string, body: string, signature: string | null | undefined): boolean {
  // An unset secret (production without configuration) verifies nothing.
  if (!secret || !signature || !/^[0-9a-f]{128}$/i.test(signature.trim())) return false;
  const expected = Buffer.from(hmacSha512Hex(secret, body), "hex");
  const given = Buffer.from(signature.trim(), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
