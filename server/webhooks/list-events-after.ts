// The polling fallback (`GET /api/v1/events`), for receivers that missed callbacks.
// Events are paged by the merchant's event sequence (`seq`), which is given out in commit order
// (see enqueueEvent), so an event that commits late never lands behind a cursor a client
// already passed — as `(createdAt, id)` did. Samples (`test`) are not in the feed.
import { db } from "../db";
import { AppError } from "../errors";

/**
 * Events in commit order after `after`: an event id (the documented cursor, as `next_after`
 * returns it) or an event's `seq` (digits), which stays valid after the event itself is purged.
 */
export async function listEventsAfter(merchantId: string, { after, limit }: { after?: string; limit: number }) {
  let afterSeq = 0;
  // `seq` is a 32-bit column: past its largest value there is nothing after (and a larger number fails the query on PostgreSQL).
  if (after && /^\d{1,15}$/.test(after)) afterSeq = Math.min(Number(after), 2_147_483_647);
  else if (after) {
    const cursor = await db.outboxEvent.findFirst({ where: { id: after, merchantId }, select: { seq: true } });
    if (!cursor) throw new AppError("NOT_FOUND", "Event `after` tidak ditemukan / Event `after` not found");
    afterSeq = cursor.seq;
  }
  return db.outboxEvent.findMany({
    where: { merchantId, seq: { gt: afterSeq }, test: false },
    orderBy: { seq: "asc" },
    take: limit,
  });
}
