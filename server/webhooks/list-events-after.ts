// The polling fallback (`GET /api/v1/events`), for receivers that missed callbacks.
import { db } from "../db";
import { AppError } from "../errors";

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
