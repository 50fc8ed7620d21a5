// The docs page's live console gets a key of its own: a test key (`sk_test_console_…`), so it
// can never move real money — it is issued only while the sandbox serves, refused by the API
// whenever the sandbox does not, and stops working CONSOLE_KEY_HOURS after it was issued.
import { recordAudit, type Actor } from "../audit";
import { announceInvalidation, invalidateLocally } from "../cache/invalidation";
import { transaction } from "../db";
import { AppError } from "../errors";
import { CONSOLE_KEY_PREFIX, createApiKey, servingKeyMode } from "./api-keys";

export const CONSOLE_KEY_NAME = "API console";

/**
 * A console key for the docs page. Keys are stored hashed and cannot be shown again, so each
 * console session gets a fresh one and the merchant's previous console keys are revoked.
 */
export async function issueConsoleKey(merchantId: string, actor: Actor) {
  if (servingKeyMode() !== "sandbox") {
    throw new AppError("FORBIDDEN", "Konsol API hanya tersedia di sandbox / The API console works only in the sandbox");
  }
  const issued = await transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { merchantId, prefix: { startsWith: CONSOLE_KEY_PREFIX }, revokedAt: null }, data: { revokedAt: new Date() } });
    // The revoked console keys leave every process's API-key cache (server/http/api-key-cache.ts).
    if (count > 0) await announceInvalidation(tx, { kind: "merchant", id: merchantId });
    const { key, record } = await createApiKey(tx, { merchantId, name: CONSOLE_KEY_NAME, console: true });
    await recordAudit(tx, { actor, action: "api_key.create", targetType: "api_key", targetId: record.id, merchantId, metadata: { mode: record.mode, console: true } });
    return { id: record.id, key, prefix: record.prefix, mode: record.mode };
  });
  invalidateLocally({ kind: "merchant", id: merchantId });
  return issued;
}
