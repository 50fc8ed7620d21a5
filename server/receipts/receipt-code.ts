// A receipt's verification code: which record it is, signed. `<kind>-<id>-<signature>`, the
// signature an HMAC-SHA256 (truncated to 132 bits) under a key derived from DATA_ENCRYPTION_KEY
// with its own label, so nobody can make a code for a record they were not handed a receipt
// of, and the code is no key to anything else. Codes made under an earlier key (rotation,
// DATA_ENCRYPTION_KEYS_OLD) still verify.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env";

export const RECEIPT_KINDS = ["deposit", "withdrawal", "prepaid"] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

const PREFIX: Record<ReceiptKind, string> = { deposit: "d", withdrawal: "w", prepaid: "p" };
const SIGNATURE_LENGTH = 22;
const CODE = /^([dwp])-([A-Za-z0-9_]{1,64})-([A-Za-z0-9_-]{22})$/;

function signature(secret: string, kind: ReceiptKind, id: string): string {
  const key = createHmac("sha256", secret).update("saldo:receipt-code:v1").digest();
  return createHmac("sha256", key).update(`${kind}:${id}`).digest("base64url").slice(0, SIGNATURE_LENGTH);
}

export function receiptCode(kind: ReceiptKind, id: string): string {
  return `${PREFIX[kind]}-${id}-${signature(env.DATA_ENCRYPTION_KEY, kind, id)}`;
}

/** The record a code names, when its signature is right under the current or an earlier key; null otherwise. */
export function readReceiptCode(code: string): { kind: ReceiptKind; id: string } | null {
  const match = CODE.exec(code);
  if (!match) return null;
  const kind = RECEIPT_KINDS.find((k) => PREFIX[k] === match[1])!;
  const id = match[2]!;
  const given = Buffer.from(match[3]!);
  for (const secret of [env.DATA_ENCRYPTION_KEY, ...env.DATA_ENCRYPTION_KEYS_OLD]) {
    if (!secret) continue;
    const expected = Buffer.from(signature(secret, kind, id));
    if (expected.length === given.length && timingSafeEqual(expected, given)) return { kind, id };
  }
  return null;
}
