// Payment link ids are public capabilities, like deposit ids: /l/<id> opens the payer's page for
// anyone who has the link, without a login. So an id is 130 random bits from the operating
// system's CSPRNG — `pl_` and 26 characters of Crockford's base32 in lower case.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const RANDOM_CHARACTERS = 26; // 26 × 5 = 130 bits

export const PAYMENT_LINK_ID_PREFIX = "pl_";
export const PAYMENT_LINK_ID_PATTERN = /^pl_[0-9a-hjkmnp-tv-z]{26}$/;

/** An id of the shape `newPaymentLinkId` makes; anything else names no link and never reaches the database. */
export function isPaymentLinkIdShape(id: string): boolean {
  return PAYMENT_LINK_ID_PATTERN.test(id);
}

/** An id of the real shape for documentation and examples. */
export const EXAMPLE_PAYMENT_LINK_ID = "pl_3v8k2m9x7q4c1b6n5t0w8r2y4h";

export function newPaymentLinkId(): string {
  // 256 is a multiple of 32, so the low five bits of each byte are uniformly random.
  let id = PAYMENT_LINK_ID_PREFIX;
  for (const byte of randomBytes(RANDOM_CHARACTERS)) id += ALPHABET[byte & 31];
  return id;
}
