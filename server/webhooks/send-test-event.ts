// "Send test event" on the Developers page and in the docs console.
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { attemptDelivery, saveAttempt } from "./deliver";
import { requireWebhookEndpoint } from "./find-webhook-endpoint";
import { enqueueEvent, type EventType } from "./outbox";

const SAMPLE_DATA: Partial<Record<EventType, Record<string, unknown>>> = {
  "webhook.test": { message: "Tes callback dari Saldo / Test callback from Saldo" },
};

/** Sends a sample event to the endpoint right away and returns the receiver's answer. */
export async function sendTestEvent(merchantId: string, actor: Actor, type: EventType = "webhook.test", data?: Record<string, unknown>) {
  const endpoint = await requireWebhookEndpoint(merchantId);
  const event = await transaction(async (tx) => {
    const created = await enqueueEvent(tx, { merchantId, type, data: { test: true, ...(data ?? SAMPLE_DATA[type] ?? {}) }, test: true });
    // Delivered here, not by the worker.
    await tx.outboxEvent.update({ where: { id: created.id }, data: { status: "sending" } });
    await recordAudit(tx, { actor, action: "webhook.test", targetType: "event", targetId: created.id, merchantId });
    return created;
  });
  const result = await attemptDelivery(event, endpoint, { manual: true, attempt: 1 });
  await transaction(async (tx) => {
    await saveAttempt(tx, result);
    await tx.outboxEvent.update({
      where: { id: event.id },
      data: { attempts: 1, status: result.ok ? "delivered" : "failed", deliveredAt: result.ok ? new Date() : null, lastError: result.ok ? null : (result.error ?? `HTTP ${result.statusCode}`) },
    });
  });
  const { record, ...answer } = result;
  return { eventId: event.id, ...answer, responseBody: record.responseBody };
}
