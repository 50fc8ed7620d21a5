// The merchant's callback endpoint: URL, event types, and the signing secret (shown once,
// rotated with an overlap during which both secrets sign).
import { recordAudit, type Actor } from "../audit";
import { db, transaction } from "../db";
import { webhookEnv } from "../env";
import { AppError } from "../errors";
import { EVENT_TYPES } from "./outbox";
import { newWebhookSecret } from "./signing";
import { assertSafeCallbackUrl } from "./url-safety";

const SUBSCRIBABLE = EVENT_TYPES.filter((t) => t !== "webhook.test");

export function normaliseEventTypes(types: string[] | undefined): string {
  if (!types || types.length === 0 || types.includes("*")) return "*";
  const unknown = types.filter((t) => !(SUBSCRIBABLE as readonly string[]).includes(t));
  if (unknown.length) throw new AppError("VALIDATION", `Jenis event tidak dikenal / Unknown event type: ${unknown.join(", ")}`);
  return [...new Set(types)].sort().join(",");
}

export function subscribes(endpoint: { eventTypes: string }, type: string): boolean {
  return type === "webhook.test" || endpoint.eventTypes === "*" || endpoint.eventTypes.split(",").includes(type);
}

/** The endpoint without its secrets, for pages. */
export async function getWebhookEndpoint(merchantId: string) {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { merchantId } });
  if (!endpoint) return null;
  const { secret, previousSecret, ...rest } = endpoint;
  return {
    ...rest,
    secretHint: `${secret.slice(0, 10)}…`,
    rotating: Boolean(previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date()),
    eventTypeList: endpoint.eventTypes === "*" ? [] : endpoint.eventTypes.split(","),
  };
}

/** Creates or updates the endpoint; a new endpoint's secret is returned once. Re-enables a disabled one. */
export async function saveWebhookEndpoint(input: { merchantId: string; url: string; eventTypes?: string[]; actor: Actor }) {
  const url = (await assertSafeCallbackUrl(input.url.trim())).toString();
  const eventTypes = normaliseEventTypes(input.eventTypes);
  return transaction(async (tx) => {
    const existing = await tx.webhookEndpoint.findUnique({ where: { merchantId: input.merchantId } });
    const secret = existing ? null : newWebhookSecret();
    await tx.webhookEndpoint.upsert({
      where: { merchantId: input.merchantId },
      create: { merchantId: input.merchantId, url, eventTypes, secret: secret! },
      update: { url, eventTypes, status: "active", disabledReason: null, disabledAt: null },
    });
    await recordAudit(tx, { actor: input.actor, action: existing ? "webhook.update" : "webhook.create", targetType: "webhook_endpoint", merchantId: input.merchantId, metadata: { url, eventTypes } });
    return { secret };
  });
}

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
