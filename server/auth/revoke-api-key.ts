// The merchant revokes one of its API keys; it stops working at once.
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";

export async function revokeApiKey(input: { merchantId: string; keyId: string; actor: Actor }) {
  return transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id: input.keyId, merchantId: input.merchantId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new AppError("NOT_FOUND", "API key tidak ditemukan / API key not found");
    await recordAudit(tx, { actor: input.actor, action: "api_key.revoke", targetType: "api_key", targetId: input.keyId, merchantId: input.merchantId });
    return { revoked: true };
  });
}
