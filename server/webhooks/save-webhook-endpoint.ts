// The merchant's callback endpoint: URL and event types. A new endpoint's signing secret is
// shown once.
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { normaliseEventTypes } from "./event-subscriptions";
import { newWebhookSecret } from "./signing";
import { assertSafeCallbackUrl } from "./url-safety";

/** Creates or updates the endpoint; a new endpoint's secret is returned once. Re-enables a disabled one. */
export async function saveWebhookEndpoint(input: { merchantId: string; url: string; eventTypes?: string[]; actor: Actor }) {
  const url = (await assertSafeCallbackUrl(input.url.trim())).toString();
  const eventTypes = normaliseEventTypes(input.eventTypes);
  return transaction(async (tx) => {
    const existing = await tx.webhookEndpoint.findUnique({ where: { merchantId: input.merchantId } });
    const secret = existing ? null : newWebhookSecret();
    await tx.webhookEndpoint.upsert({
      where: { merchantId: input.merchantId },
      // Prisma checks `create` even when the row exists (then `secret` is null): never pass it a null secret.
      create: { merchantId: input.merchantId, url, eventTypes, secret: secret ?? newWebhookSecret() },
      update: { url, eventTypes, status: "active", disabledReason: null, disabledAt: null },
    });
    await recordAudit(tx, { actor: input.actor, action: existing ? "webhook.update" : "webhook.create", targetType: "webhook_endpoint", merchantId: input.merchantId, metadata: { url, eventTypes } });
    return { secret };
  });
}
