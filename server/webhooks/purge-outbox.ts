// The outbox's retention (a worker job): callbacks that reached their end are deleted with their
// delivery attempts once they are old enough.
//   delivered   OUTBOX_RETENTION_DAYS (30) after delivery — a resent failed event counts from its resend
//   skipped     OUTBOX_RETENTION_DAYS after it was written (no endpoint, disabled, not subscribed)
//   failed      OUTBOX_FAILED_RETENTION_DAYS (90) after it was written, so the merchant can still
//               see why and press Resend; `sending` (a sample whose sender died) likewise
//   pending     never
// Each rule also asks `nextAttemptAt < cutoff` (always true for such an old row, since
// nextAttemptAt is never later than the last attempt): it lets the (status, nextAttemptAt)
// index find the rows. Deleted in chunks, so no transaction holds the database for long.
import { type Prisma, transaction } from "../db";
import { webhookEnv } from "../env";

const DAY_MS = 24 * 3600_000;

export type PurgeOptions = { now?: Date; retentionDays?: number; failedRetentionDays?: number; chunkSize?: number };

/** Deletes old finished outbox events and their delivery attempts; returns how many events went. */
export async function purgeOutbox(options: PurgeOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.retentionDays ?? webhookEnv.OUTBOX_RETENTION_DAYS) * DAY_MS);
  const failedCutoff = new Date(now.getTime() - (options.failedRetentionDays ?? webhookEnv.OUTBOX_FAILED_RETENTION_DAYS) * DAY_MS);
  const chunkSize = options.chunkSize ?? 500;
  const rules: Prisma.OutboxEventWhereInput[] = [
    { status: "delivered", nextAttemptAt: { lt: cutoff }, deliveredAt: { lt: cutoff } },
    { status: "skipped", nextAttemptAt: { lt: cutoff }, createdAt: { lt: cutoff } },
    { status: { in: ["failed", "sending"] }, nextAttemptAt: { lt: failedCutoff }, createdAt: { lt: failedCutoff } },
  ];
  let purged = 0;
  for (const where of rules) {
    for (;;) {
      const deleted = await transaction(async (tx) => {
        const ids = (await tx.outboxEvent.findMany({ where, select: { id: true }, take: chunkSize })).map((e) => e.id);
        if (!ids.length) return 0;
        await tx.deliveryAttempt.deleteMany({ where: { eventId: { in: ids } } });
        return (await tx.outboxEvent.deleteMany({ where: { id: { in: ids } } })).count;
      });
      purged += deleted;
      if (deleted < chunkSize) break;
    }
  }
  return purged;
}
