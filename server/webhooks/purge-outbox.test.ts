// Issue 13.19 (outbox part): retention of delivered/failed callbacks and their attempts, and the
// indexes behind the delivery claim.
import { describe, expect, it } from "vitest";
import { createMerchant } from "../../tests/helpers/fixtures";
import { db, engine, transaction } from "../db";
import { JOBS } from "../jobs/worker";
import { outboxClaimStatement } from "./dispatch";
import { enqueueEvent } from "./outbox";
import { purgeOutbox } from "./purge-outbox";

const DAY = 24 * 3600_000;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

/** An event in a given end state, aged as given, with `attempts` delivery attempts. */
async function eventAs(merchantId: string, state: { status: string; createdDaysAgo: number; deliveredDaysAgo?: number; nextAttemptDaysAgo?: number }, attempts = 2) {
  return transaction(async (tx) => {
    const event = await enqueueEvent(tx, { merchantId, type: "invoice.paid", data: { state } });
    const createdAt = daysAgo(state.createdDaysAgo);
    await tx.outboxEvent.update({
      where: { id: event.id },
      data: {
        status: state.status,
        createdAt,
        nextAttemptAt: state.nextAttemptDaysAgo === undefined ? createdAt : daysAgo(state.nextAttemptDaysAgo),
        deliveredAt: state.deliveredDaysAgo === undefined ? null : daysAgo(state.deliveredDaysAgo),
      },
    });
    for (let i = 1; i <= attempts; i++) {
      await tx.deliveryAttempt.create({ data: { eventId: event.id, attempt: i, url: "https://example.test/hooks", statusCode: 500, latencyMs: 5, createdAt } });
    }
    return event.id;
  });
}

describe(`outbox retention on ${engine}`, () => {
  it("13.19 the purge deletes delivered and skipped events with their attempts after OUTBOX_RETENTION_DAYS, failed ones after OUTBOX_FAILED_RETENTION_DAYS, pending ones never", async () => {
    const { merchantId } = await createMerchant();
    const gone = [
      await eventAs(merchantId, { status: "delivered", createdDaysAgo: 41, deliveredDaysAgo: 40 }),
      await eventAs(merchantId, { status: "skipped", createdDaysAgo: 31 }, 0),
      await eventAs(merchantId, { status: "failed", createdDaysAgo: 100, nextAttemptDaysAgo: 99 }, 9),
    ];
    const kept = [
      await eventAs(merchantId, { status: "delivered", createdDaysAgo: 6, deliveredDaysAgo: 5 }),
      // Failed long ago, then resent from the delivery log two days ago: kept from its resend.
      await eventAs(merchantId, { status: "delivered", createdDaysAgo: 100, nextAttemptDaysAgo: 99, deliveredDaysAgo: 2 }),
      // Failed, inside the longer retention for failed events (the merchant can still see why and resend).
      await eventAs(merchantId, { status: "failed", createdDaysAgo: 40, nextAttemptDaysAgo: 39 }, 9),
      // Still being retried: never purged, however old.
      await eventAs(merchantId, { status: "pending", createdDaysAgo: 200, nextAttemptDaysAgo: 1 }),
    ];
    const attemptsBefore = await db.deliveryAttempt.count({ where: { eventId: { in: kept } } });

    expect(await purgeOutbox({ now, retentionDays: 30, failedRetentionDays: 90 })).toBe(3);
    expect(await db.outboxEvent.count({ where: { id: { in: gone } } })).toBe(0);
    expect(await db.deliveryAttempt.count({ where: { eventId: { in: gone } } })).toBe(0);
    expect((await db.outboxEvent.findMany({ where: { id: { in: kept } }, select: { id: true } })).map((e) => e.id).sort()).toEqual([...kept].sort());
    expect(await db.deliveryAttempt.count({ where: { eventId: { in: kept } } })).toBe(attemptsBefore);
    expect(await purgeOutbox({ now, retentionDays: 30, failedRetentionDays: 90 })).toBe(0);

    // In chunks: a large backlog goes in several short transactions.
    const many: string[] = [];
    for (let i = 0; i < 7; i++) many.push(await eventAs(merchantId, { status: "delivered", createdDaysAgo: 60, deliveredDaysAgo: 60 }, 1));
    expect(await purgeOutbox({ now, retentionDays: 30, failedRetentionDays: 90, chunkSize: 3 })).toBe(7);
    expect(await db.outboxEvent.count({ where: { id: { in: many } } })).toBe(0);

    // The worker runs it.
    expect(JOBS.map((j) => j.name)).toContain("purge-outbox");
  });

  it("13.19 the delivery claim reads the outbox through its indexes", async () => {
    const claim = outboxClaimStatement(engine, { workerId: "w", now, until: new Date(now.getTime() + 30_000), perEndpoint: 2, window: 100, limit: 10 });
    let plan: string;
    if (engine === "sqlite") {
      const rows = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${claim.sql}`, ...claim.values);
      plan = rows.map((r) => r.detail).join("\n");
    } else {
      // The tables are tiny here, so forbid sequential scans to see which indexes the planner can use.
      plan = await transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${claim.sql}`, ...claim.values);
        return rows.map((r) => r["QUERY PLAN"]).join("\n");
      });
    }
    expect(plan).toContain("OutboxEvent_status_nextAttemptAt_idx"); // the due events, in claim order
    expect(plan).toContain("OutboxEvent_status_lockedUntil_idx"); // the deliveries in flight per endpoint
  });
});
