// The merchant regenerates its prepaid API key; the old one stops working at once. The new key
// is returned once in clear and stored sealed (prepaid-credentials.ts).
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { newPrepaidKey, sealPrepaidKey } from "./prepaid-credentials";

export async function regeneratePrepaidKey(input: { merchantId: string; actor: Actor }) {
  const apiKey = newPrepaidKey();
  const sealed = sealPrepaidKey(input.merchantId, apiKey);
  return transaction(async (tx) => {
    const { count } = await tx.merchant.updateMany({ where: { id: input.merchantId }, data: { prepaidApiKey: sealed } });
    if (count === 0) throw new AppError("NOT_FOUND", "Merchant tidak ditemukan / Merchant not found");
    await recordAudit(tx, { actor: input.actor, action: "prepaid.key_regenerate", targetType: "merchant", targetId: input.merchantId, merchantId: input.merchantId });
    return { apiKey };
  });
}
