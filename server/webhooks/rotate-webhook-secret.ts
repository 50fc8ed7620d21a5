// Rotating the endpoint's signing secret, with an overlap during which both secrets sign.
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { webhookEnv } from "../env";
import { AppError } from "../errors";
import { newWebhookSecret } from "./signing";

/** A new secret; the old one keeps signing (a second `v1,` signature) for the overlap window. */
export async function rotateWebhookSecret(input: { merchantId: string; actor: Actor; now?: Date }) {
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { merchantId: input.merchantId } });
    if (!endpoint) throw new AppError("NOT_FOUND", "Endpoint webhook belum diatur / No webhook endpoint configured");
    const secret = newWebhookSecret();
    const previousSecretExpiresAt = new Date(now.getTime() + webhookEnv.WEBHOOK_ROTATION_OVERLAP_HOURS * 3600_000);
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { secret, previousSecret: endpoint.secret, previousSecretExpiresAt } });
    await recordAudit(tx, { actor: input.actor, action: "webhook.rotate_secret", targetType: "webhook_endpoint", targetId: endpoint.id, merchantId: input.merchantId });
    return { secret, previousSecretExpiresAt };
  });
}
