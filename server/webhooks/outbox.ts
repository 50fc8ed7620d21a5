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
  "payment_link.paid",
  "webhook.test",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function newEventId(): string {
  return `evt_${randomUUID().replace(/-/g, "")}`;
}

/**
 * The merchant's next event sequence number. The guarded UPDATE takes the merchant row's write
 * lock until this transaction ends, so a merchant's event writers commit one after another and
 * the sequence is commit order: a reader that has seen number n never later finds a smaller one.
 */
async function nextEventSeq(tx: Tx, merchantId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ eventSeq: number | bigint }[]>`UPDATE "Merchant" SET "eventSeq" = "eventSeq" + 1 WHERE "id" = ${merchantId} RETURNING "eventSeq"`;
  if (!rows[0]) throw new Error(`Outbox event for unknown merchant ${merchantId}`);
  return Number(rows[0].eventSeq);
}

/** Writes a callback in the caller's transaction. `test` marks a sample (Send test event, docs console): delivered and logged, never in the events feed. */
export async function enqueueEvent(tx: Tx, input: { merchantId: string; type: EventType; data: Record<string, unknown>; test?: boolean }) {
  const seq = await nextEventSeq(tx, input.merchantId);
  return tx.outboxEvent.create({
    data: { id: newEventId(), merchantId: input.merchantId, type: input.type, data: JSON.stringify(input.data), seq, test: input.test ?? false },
  });
}

/** The JSON body a receiver gets: `{ id, type, created_at, data }`. */
export function eventBody(event: { id: string; type: string; createdAt: Date; data: string }): string {
  return `{"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.type)},"created_at":${JSON.stringify(event.createdAt.toISOString())},"data":${event.data}}`;
}
