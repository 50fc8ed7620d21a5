// The merchant's side of callbacks: the delivery log, Resend, a test event, the polling
// fallback (`GET /api/v1/events`), and the health shown on the wallet page.
import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import { db, transaction } from "../db";
import { AppError } from "../errors";
import { attemptDelivery, saveAttempt } from "./deliver";
import { enqueueEvent, type EventType } from "./outbox";

export async function listDeliveries(merchantId: string, { page, pageSize, type, status }: { page: number; pageSize: number; type?: string; status?: string }) {
  const where = { merchantId, ...(type ? { type } : {}), ...(status ? { status } : {}) };
  const [total, items] = await Promise.all([
    db.outboxEvent.count({ where }),
    db.outboxEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { deliveries: { orderBy: { createdAt: "asc" } } },
    }),
  ]);
  return { total, page, pageSize, totalPages: Math.max(1, Math.ceil(total / pageSize)), items };
}

async function endpointFor(merchantId: string) {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { merchantId } });
  if (!endpoint) throw new AppError("VALIDATION", "Atur URL callback terlebih dahulu / Set a callback URL first");
  return endpoint;
}

/** Delivers one event again, now, whatever its state; the attempt joins the log. */
export async function resendEvent(merchantId: string, eventId: string, actor: Actor) {
  const event = await db.outboxEvent.findFirst({ where: { id: eventId, merchantId } });
  if (!event) throw new AppError("NOT_FOUND", "Event tidak ditemukan / Event not found");
  const endpoint = await endpointFor(merchantId);
  const result = await attemptDelivery(event, endpoint, { manual: true, attempt: event.attempts + 1 });
  await transaction(async (tx) => {
    await saveAttempt(tx, result);
    await tx.outboxEvent.update({
      where: { id: event.id },
      data: { attempts: { increment: 1 }, ...(result.ok ? { status: "delivered", deliveredAt: new Date(), lastError: null } : { lastError: result.error ?? `HTTP ${result.statusCode}` }) },
    });
    await recordAudit(tx, { actor, action: "webhook.resend", targetType: "event", targetId: event.id, merchantId });
  });
  const { record: _record, ...answer } = result;
  return answer;
}

const SAMPLE_DATA: Partial<Record<EventType, Record<string, unknown>>> = {
  "webhook.test": { message: "Tes callback dari Saldo / Test callback from Saldo" },
};

/** Sends a sample event to the endpoint right away and returns the receiver's answer. */
export async function sendTestEvent(merchantId: string, actor: Actor, type: EventType = "webhook.test", data?: Record<string, unknown>) {
  const endpoint = await endpointFor(merchantId);
  const event = await transaction(async (tx) => {
    const created = await enqueueEvent(tx, { merchantId, type, data: { test: true, ...(data ?? SAMPLE_DATA[type] ?? {}) } });
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

/** Events in creation order after `after` (an event id), for receivers catching up. */
export async function listEventsAfter(merchantId: string, { after, limit }: { after?: string; limit: number }) {
  let cursor: { createdAt: Date; id: string } | null = null;
  if (after) {
    cursor = await db.outboxEvent.findFirst({ where: { id: after, merchantId }, select: { createdAt: true, id: true } });
    if (!cursor) throw new AppError("NOT_FOUND", "Event `after` tidak ditemukan / Event `after` not found");
  }
  const events = await db.outboxEvent.findMany({
    where: {
      merchantId,
      type: { not: "webhook.test" },
      ...(cursor ? { OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
  });
  return events;
}

export async function deliveryHealth(merchantId: string) {
  const since = new Date(Date.now() - 30 * 24 * 3600_000);
  const [failed, endpoint] = await Promise.all([
    db.outboxEvent.count({ where: { merchantId, status: "failed", createdAt: { gte: since } } }),
    db.webhookEndpoint.findUnique({ where: { merchantId }, select: { status: true, disabledReason: true } }),
  ]);
  return { failed, endpointDisabled: endpoint?.status === "disabled", disabledReason: endpoint?.disabledReason ?? null };
}
