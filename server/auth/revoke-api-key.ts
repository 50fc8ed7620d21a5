// The merchant revokes one of its API keys; it stops working at once: in this process at once, in
// every other process at once on PostgreSQL (the announcement is delivered on commit) and within the
// API-key cache's TTL on SQLite (server/http/api-key-cache.ts).
import { recordAudit, type Actor } from "../audit";
import { announceInvalidation, invalidateLocally } from "../cache/invalidation";
import { transaction } from "../db";
import { AppError } from "../errors";

export async function revokeApiKey(input: { merchantId: string; keyId: string; actor: Actor }) {
  const revoked = await transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id: input.keyId, merchantId: input.merchantId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new AppError("NOT_FOUND", "API key tidak ditemukan / API key not found");
    await recordAudit(tx, { actor: input.actor, action: "api_key.revoke", targetType: "api_key", targetId: input.keyId, merchantId: input.merchantId });
    await announceInvalidation(tx, { kind: "apiKey", id: input.keyId });
    return { revoked: true };
  });
  invalidateLocally({ kind: "apiKey", id: input.keyId });
  return revoked;
}
