// The outbox: a merchant callback is a row written in the same transaction as the change it
// announces, so a change is never committed without its callback (or the other way round).
// The worker delivers the rows.
import { randomUUID } from "node:crypto";
import type { Tx } from "../db";

export const EVENT_TYPES = [
  "topup.success",
  "topup.expired",
  "topup.failed",
  "invoice.paid",
  "invoice.expired",
  "withdraw.success",
  "withdraw.rejected",
  "prepaid.success",
  "prepaid.failed",
  "balance.low",
  "webhook.test",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function newEventId(): string {
  return `evt_${randomUUID().replace(/-/g, "")}`;
}

export async function enqueueEvent(tx: Tx, input: { merchantId: string; type: EventType; data: Record<string, unknown> }) {
  return tx.outboxEvent.create({
    data: { id: newEventId(), merchantId: input.merchantId, type: input.type, data: JSON.stringify(input.data) },
  });
}

/** The JSON body a receiver gets: `{ id, type, created_at, data }`. */
export function eventBody(event: { id: string; type: string; createdAt: Date; data: string }): string {
  return `{"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.type)},"created_at":${JSON.stringify(event.createdAt.toISOString())},"data":${event.data}}`;
}
