// Deposit ids are public capabilities: the pay page (/pay/<id>), the QR image
// (/api/v1/invoice/<id>/qr.png|svg) and the live status feed (tRPC deposits.watch / forPayer)
// answer anyone who knows one, without a login. So an id is 130 random bits from the operating
// system's CSPRNG — `inv_` and 26 characters of Crockford's base32 in lower case — not a cuid,
// which is mostly a timestamp, a counter and a host fingerprint, with little randomness. Deposits created before this change keep
// their cuid ids, which still work everywhere an id is accepted.
import { randomBytes } from "node:crypto";

/** Crockford's base32 alphabet, lower case: no i, l, o or u, so an id read aloud is not misread. */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const RANDOM_CHARACTERS = 26; // 26 × 5 = 130 bits

export const DEPOSIT_ID_PREFIX = "inv_";
/** The shape of every id `newDepositId` makes (older deposits have 25-character cuids). */
export const DEPOSIT_ID_PATTERN = /^inv_[0-9a-hjkmnp-tv-z]{26}$/;
/**
 * What any deposit id, new or old (a cuid), is made of. Anything else — a NUL, a lone surrogate,
 * a path — names no deposit and never reaches the database (PostgreSQL refuses a NUL in text).
 */
export const DEPOSIT_ID_CHARACTERS = /^[A-Za-z0-9_-]{1,64}$/;

export function isDepositIdShape(id: string): boolean {
  return DEPOSIT_ID_CHARACTERS.test(id);
}

/** An id of the new shape for documentation and examples. */
export const EXAMPLE_DEPOSIT_ID = "inv_7m2k9x4q1c8v5b3n6t0w2r8y4h";

export function newDepositId(): string {
  // 256 is a multiple of 32, so the low five bits of each byte are uniformly random.
  const bytes = randomBytes(RANDOM_CHARACTERS);
  let id = DEPOSIT_ID_PREFIX;
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return id;
}
