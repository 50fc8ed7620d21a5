// Issue 14, chaos: the merchant's callback receiver is down for a while (answers 503), then comes
// back. Two workers on one PostgreSQL keep retrying; once it is back every event arrives, in retry
// order, and none twice.
//
// "Retry order", precisely: the workers claim due events oldest due first (`nextAttemptAt`), so per
// merchant the first attempts go out in the order of the events' `seq`, and after the return the
// accepted deliveries come in the order of the times they were due. Exactly so only with one
// callback in flight per endpoint (WEBHOOK_CONCURRENCY_PER_ENDPOINT=1 here): with two, the two in
// flight may legitimately cross on the way. Nothing is killed here, so the delivery timeout is long:
// a busy machine must not time out a delivery the receiver did accept (it would rightly be re-sent).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db";
import { startReceiver } from "../helpers/receiver";
import { createInvoice, runLedgerCheck, seedMerchant, sendSandboxNotification, startCluster, waitUntil, type AppCluster } from "../helpers/app-cluster";

const EVENTS_PER_MERCHANT = 10;

let cluster: AppCluster | undefined;
let startError: unknown;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
// The receiver's log: every request, with the answer it got.
const log: { id: string; status: number; at: number }[] = [];
let up = false;

beforeAll(async () => {
  receiver = await startReceiver((req) => {
    const status = up ? 200 : 503;
    log.push({ id: String(req.headers["webhook-id"]), status, at: Date.now() });
    return { status, body: up ? "ok" : "down for maintenance" };
  });
  // A start that fails (no build, a process that will not start) fails the test with its reason, rather than skipping it.
  cluster = await startCluster({ apps: 1, workers: 2, databaseUrl: process.env.DATABASE_URL, env: { WEBHOOK_CONCURRENCY_PER_ENDPOINT: "1", WEBHOOK_TIMEOUT_MS: "15000", WEBHOOK_CLAIM_SECONDS: "20" } }).catch((error: unknown) => {
    startError = error;
    return undefined;
  });
});

afterAll(async () => {
  await cluster?.stop();
  await receiver?.close();
});

describe("the merchant's receiver is down for a while", () => {
  it("every event arrives after it returns, in retry order, none twice", async () => {
    if (!cluster) throw startError;
    const c = cluster;
    const app = c.apps[0]!;
    const merchants = [await seedMerchant(c, receiver!.url, "Toko Padam A"), await seedMerchant(c, receiver!.url, "Toko Padam B")];

    // Payments one after another (so each merchant's seq order is the order they were made), while the receiver is down.
    for (let i = 0; i < EVENTS_PER_MERCHANT; i++) {
      for (const [m, merchant] of merchants.entries()) {
        const invoice = await createInvoice(app.url, merchant, 10_000 + i * 1_000 + m * 100);
        const answer = await sendSandboxNotification(c, app.url, { event_id: `sbx_evt_outage_${invoice.invoice_id}`, reference: invoice.invoice_id, amount: invoice.total, paid_at: new Date().toISOString() });
        expect(answer.status).toBe(200);
      }
    }
    const events = await db.outboxEvent.findMany({ where: { merchantId: { in: merchants.map((m) => m.merchantId) } }, orderBy: { seq: "asc" } });
    expect(events).toHaveLength(2 * EVENTS_PER_MERCHANT);
    const merchantOf = new Map(events.map((e) => [e.id, e.merchantId]));

    // Down until every event has been refused at least twice (tried, and retried).
    const refusals = (id: string) => log.filter((l) => l.id === id && l.status === 503).length;
    await waitUntil(() => events.every((e) => refusals(e.id) >= 2), 30_000, () => `refusals: ${events.map((e) => refusals(e.id)).join(",")}`);
    const returnedAt = Date.now();
    up = true;

    await waitUntil(
      async () => (await db.outboxEvent.count({ where: { id: { in: events.map((e) => e.id) }, status: { not: "delivered" } } })) === 0,
      60_000,
      async () => `${await db.outboxEvent.count({ where: { id: { in: events.map((e) => e.id) }, status: { not: "delivered" } } })} of ${events.length} not delivered`,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    // Nothing was accepted before the return; after it every event exactly once, and nothing sent for it again.
    const accepted = log.filter((l) => l.status === 200);
    expect(accepted.every((l) => l.at >= returnedAt)).toBe(true);
    expect(events.filter((e) => accepted.filter((l) => l.id === e.id).length !== 1).map((e) => e.id), "events not accepted exactly once").toEqual([]);
    for (const a of accepted) expect(log.filter((l) => l.id === a.id && l.at > a.at), `${a.id} sent again after it was accepted`).toEqual([]);
    expect(log.every((l) => merchantOf.has(l.id)), "callbacks for events that do not exist").toBe(true);

    const delivered = new Map((await db.outboxEvent.findMany({ where: { id: { in: events.map((e) => e.id) } } })).map((e) => [e.id, e]));
    for (const merchant of merchants) {
      const mine = (id: string) => merchantOf.get(id) === merchant.merchantId;
      // First attempts in seq order.
      const firstSeen = [...new Set(log.filter((l) => mine(l.id)).map((l) => l.id))];
      const bySeq = events.filter((e) => e.merchantId === merchant.merchantId).map((e) => e.id);
      expect(firstSeen).toEqual(bySeq);
      // After the return: accepted in the order the retries were due.
      const acceptedOrder = accepted.filter((l) => mine(l.id)).map((l) => l.id);
      const dueOrder = [...acceptedOrder].sort((a, b) => delivered.get(a)!.nextAttemptAt.getTime() - delivered.get(b)!.nextAttemptAt.getTime());
      expect(acceptedOrder.map((id) => delivered.get(id)!.nextAttemptAt.getTime())).toEqual(dueOrder.map((id) => delivered.get(id)!.nextAttemptAt.getTime()));
      // Every attempt is in the delivery log, and the event's count of attempts agrees with the receiver's.
      for (const id of bySeq) {
        const tries = log.filter((l) => l.id === id).length;
        expect(delivered.get(id)!.attempts, `attempts of ${id}`).toBe(tries);
        expect(await db.deliveryAttempt.count({ where: { eventId: id } })).toBe(tries);
      }
    }

    const check = await runLedgerCheck(c);
    expect(check.code).toBe(0);
  }, 150_000);
});
