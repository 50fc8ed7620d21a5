// The merchant's prepaid API credentials: `username` is its registered phone number, `api_key`
// its prepaid key. The key is kept readable (the server computes md5(username + key + …) like
// IAK does), shown to the signed-in merchant, and can be regenerated — the old one stops
// working at once.
import { randomBytes } from "node:crypto";
import { recordAudit, type Actor } from "../audit";
import { db, transaction } from "../db";
import { AppError } from "../errors";

export function newPrepaidKey(): string {
  return randomBytes(16).toString("hex");
}

export async function getPrepaidCredentials(merchantId: string) {
  const merchant = await db.merchant.findUnique({ where: { id: merchantId }, select: { phone: true, prepaidApiKey: true } });
  if (!merchant) throw new AppError("NOT_FOUND", "Merchant tidak ditemukan / Merchant not found");
  return { username: merchant.phone, apiKey: merchant.prepaidApiKey };
}

export async function regeneratePrepaidKey(input: { merchantId: string; actor: Actor }) {
  const apiKey = newPrepaidKey();
  return transaction(async (tx) => {
    const { count } = await tx.merchant.updateMany({ where: { id: input.merchantId }, data: { prepaidApiKey: apiKey } });
    if (count === 0) throw new AppError("NOT_FOUND", "Merchant tidak ditemukan / Merchant not found");
    await recordAudit(tx, { actor: input.actor, action: "prepaid.key_regenerate", targetType: "merchant", targetId: input.merchantId, merchantId: input.merchantId });
    return { apiKey };
  });
}
