// Issue 14, scale-out: two `next start` processes and two workers on one PostgreSQL, no sticky
// sessions. A storm of duplicate signed provider notifications — each event sent 5× at once,
// spread over both processes — credits each deposit exactly once, and every merchant callback
// reaches the merchant's receiver exactly once. HTTP in; database state and receiver out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db";
import { startReceiver } from "../helpers/receiver";
import {
  createInvoice,
  mapLimit,
  restCall,
  runLedgerCheck,
  seedMerchant,
  sendSandboxNotification,
  phaseTimer,
  startCluster,
  waitUntil,
  type AppCluster,
  type Invoice,
  type SeededMerchant,
} from "../helpers/app-cluster";

const MERCHANTS = 3;
const DEPOSITS = 60;
const COPIES = 5;

let cluster: AppCluster | undefined;
let startError: unknown;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;

beforeAll(async () => {
  receiver = await startReceiver();
  // A start that fails (no build, a process that will not start) fails the test with its reason, rather than skipping it.
  // Nothing is killed here: a long delivery timeout, so even a very busy machine does not time a delivery out and (rightly) send it again.
  cluster = await startCluster({ apps: 2, workers: 2, databaseUrl: process.env.DATABASE_URL, env: { WEBHOOK_TIMEOUT_MS: "15000", WEBHOOK_CLAIM_SECONDS: "20" } }).catch((error: unknown) => {
    startError = error;
    return undefined;
  });
});

afterAll(async () => {
  await cluster?.stop();
  await receiver?.close();
});

describe("two app processes, two workers, one PostgreSQL", () => {
  it("each event sent 5× at once over both processes credits each deposit once; each callback arrives once", async () => {
    if (!cluster) throw startError;
    const c = cluster;
    const phase = phaseTimer("duplicate-storm");
    const r = receiver!;
    const [app0, app1] = c.apps as [typeof c.apps[0], typeof c.apps[0]];
    const merchants: SeededMerchant[] = [];
    for (let i = 0; i < MERCHANTS; i++) merchants.push(await seedMerchant(c, r.url, `Toko Badai ${i}`));

    // Invoices through the REST API, alternating processes.
    const invoices: Invoice[] = await mapLimit(Array.from({ length: DEPOSITS }, (_, i) => i), 8, (i) =>
      createInvoice(c.apps[i % 2]!.url, merchants[i % MERCHANTS]!, 10_000 + i * 1_000),
    );

    phase(`${DEPOSITS} invoices created`);
    // Each invoice's payment event: one body, sent 5× concurrently, copies alternating between the processes;
    // 8 events at a time, so 40 requests are in flight.
    const results = await mapLimit(invoices, 8, async (invoice, i) => {
      const raw = JSON.stringify({ event_id: `sbx_evt_storm_${invoice.invoice_id}`, reference: invoice.invoice_id, amount: invoice.total, paid_at: new Date().toISOString() });
      const payment = JSON.parse(raw) as Parameters<typeof sendSandboxNotification>[2];
      return Promise.all(Array.from({ length: COPIES }, (_, k) => sendSandboxNotification(c, (i + k) % 2 ? app1.url : app0.url, payment, raw)));
    });

    phase(`${DEPOSITS * COPIES} notifications answered`);
    // Every copy is answered 200 (a duplicate finds the first result); exactly one per event is the first.
    for (const [i, copies] of results.entries()) {
      expect(copies.map((x) => x.status), `answers for ${invoices[i]!.invoice_id}: ${JSON.stringify(copies.map((x) => x.body))}`).toEqual(Array(COPIES).fill(200));
      expect(copies.every((x) => x.body.outcome === "credited" && x.body.deposit_id === invoices[i]!.invoice_id)).toBe(true);
      expect(copies.filter((x) => x.body.duplicate === false)).toHaveLength(1);
    }

    const ids = invoices.map((inv) => inv.invoice_id);
    // Each deposit paid, with one journal (one posting of the credit), whose entries sum to zero.
    const deposits = await db.deposit.findMany({ where: { id: { in: ids } } });
    expect(deposits).toHaveLength(DEPOSITS);
    for (const d of deposits) {
      expect(d.status).toBe("paid");
      expect(d.paidAmount).toBe(d.total);
    }
    const journals = await db.ledgerJournal.findMany({ where: { reference: { in: ids } }, include: { entries: true } });
    const journalsPerDeposit = new Map<string, number>();
    for (const j of journals) {
      journalsPerDeposit.set(j.reference!, (journalsPerDeposit.get(j.reference!) ?? 0) + 1);
      expect(j.entries.reduce((sum, e) => sum + e.amount, 0n)).toBe(0n);
    }
    expect(ids.filter((id) => journalsPerDeposit.get(id) !== 1), "deposits without exactly one journal").toEqual([]);
    expect(await db.providerEvent.count({ where: { provider: "sandbox", eventId: { startsWith: "sbx_evt_storm_" } } })).toBe(DEPOSITS);

    // Each merchant's balance, asked of either process, is the sum of its deposits' credits.
    for (const [m, merchant] of merchants.entries()) {
      const expected = deposits.filter((d) => d.merchantId === merchant.merchantId).reduce((sum, d) => sum + d.creditAmount, 0n);
      const { status, body } = await restCall(c.apps[m % 2]!.url, merchant.apiKey, "GET", "/api/v1/balance");
      expect(status).toBe(200);
      expect(BigInt(body.balance as number)).toBe(expected);
    }

    // One callback event per deposit…
    const events = await db.outboxEvent.findMany({ where: { merchantId: { in: merchants.map((m) => m.merchantId) } } });
    const eventsPerDeposit = new Map<string, number>();
    for (const e of events) {
      const data = JSON.parse(e.data) as { invoice_id?: string };
      if (data.invoice_id) eventsPerDeposit.set(data.invoice_id, (eventsPerDeposit.get(data.invoice_id) ?? 0) + 1);
    }
    expect(ids.filter((id) => eventsPerDeposit.get(id) !== 1), "deposits without exactly one callback event").toEqual([]);

    // …delivered by the two workers, each exactly once: wait for all, then a while longer for any second copy.
    const eventIds = new Set(events.map((e) => e.id));
    await waitUntil(
      async () => new Set(r.ids()).size >= eventIds.size && (await db.outboxEvent.count({ where: { id: { in: [...eventIds] }, status: { not: "delivered" } } })) === 0,
      60_000,
      async () => `${new Set(r.ids()).size}/${eventIds.size} events received; ${await db.outboxEvent.count({ where: { id: { in: [...eventIds] }, status: { not: "delivered" } } })} not delivered`,
    );
    phase(`${eventIds.size} callbacks delivered`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const counts = new Map<string, number>();
    for (const id of r.ids()) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect([...counts.keys()].filter((id) => !eventIds.has(id)), "callbacks for events that do not exist").toEqual([]);
    expect([...eventIds].filter((id) => counts.get(id) !== 1).map((id) => `${id}×${counts.get(id) ?? 0}`), "events not received exactly once").toEqual([]);
    // The delivery log agrees: one attempt per event.
    expect(await db.deliveryAttempt.count({ where: { eventId: { in: [...eventIds] } } })).toBe(eventIds.size);

    const check = await runLedgerCheck(c);
    expect(check.output).toContain("Ledger OK");
    expect(check.code).toBe(0);
    phase("ledger check");
  }, 240_000);
});
