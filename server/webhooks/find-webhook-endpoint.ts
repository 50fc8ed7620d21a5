// Reading the merchant's callback endpoint: without its secrets for pages, whole for a delivery.
import { db } from "../db";
import { AppError } from "../errors";

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

/** The endpoint a manual delivery goes to; none set is a validation error the merchant can fix. */
export async function requireWebhookEndpoint(merchantId: string) {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { merchantId } });
  if (!endpoint) throw new AppError("VALIDATION", "Atur URL callback terlebih dahulu / Set a callback URL first");
  return endpoint;
}
