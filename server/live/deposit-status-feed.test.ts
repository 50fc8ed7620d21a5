// The live status feed (issue 14): one feed per process, database work independent of the number
// of viewers, a payment committed by another database client reaches its viewer within a second,
// expiry by the clock reaches viewers, a viewer that leaves is removed, and past the cap a new
// stream is answered 503 at the HTTP edge. Real database (SQLite poll / PostgreSQL LISTEN/NOTIFY).
import { afterAll, describe, expect, it, vi } from "vitest";
import { createMerchant } from "@/tests/helpers/fixtures";
import * as trpcRoute from "@/app/api/trpc/[trpc]/route";
import { createDb, db, engine, transaction, type Deposit } from "@/server/db";
import { cancelDeposit } from "@/server/deposits/cancel-deposit";
import { createDeposit } from "@/server/deposits/create-deposit";
import { newDepositId } from "@/server/deposits/deposit-id";
import { markDepositPaid } from "@/server/deposits/mark-deposit-paid";
import { watchDepositStatus, type DepositStatusUpdate } from "@/server/deposits/watch-deposit";
import { DepositStatusFeed } from "./deposit-status-feed";
import { LiveViewerAdmission } from "./viewer-admission";

const actor = { type: "SYSTEM" as const };
const listen = engine === "postgres";
const feeds: DepositStatusFeed[] = [];
const otherClient = createDb(process.env.DATABASE_URL!);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function newFeed(pollMs = 100) {
  const feed = new DepositStatusFeed({ pollMs, idleCloseMs: 100 });
  feeds.push(feed);
  return feed;
}

afterAll(async () => {
  await Promise.all(feeds.map((f) => f.close()));
  await otherClient.$disconnect();
});

/** `count` pending deposits of one merchant: one made by the use case, the rest copies of it with their own ids. */
async function pendingDeposits(count: number, expiresInMs = 30 * 60_000): Promise<Deposit[]> {
  const { merchantId } = await createMerchant();
  const made = await createDeposit({ merchantId, method: "VA_BRI", amount: 20_000, actor });
  const first = await db.deposit.update({ where: { id: made.id }, data: { expiredAt: new Date(Date.now() + expiresInMs) } });
  const copies = Array.from({ length: count - 1 }, () => ({ ...first, id: newDepositId(), openKey: null, idempotencyKey: null, vaNumber: null }));
  if (copies.length) await db.deposit.createMany({ data: copies });
  return [first, ...(await db.deposit.findMany({ where: { id: { in: copies.map((c) => c.id) } } }))];
}

/** Until the feed is fully up: on PostgreSQL, listening (its first connect re-reads every watched deposit once). */
async function settled(feed: DepositStatusFeed) {
  for (let i = 0; listen && !feed.listening && i < 500; i++) await sleep(10);
  await sleep(50);
}

/** A viewer: its updates as they come, and how to leave. */
function view(id: string, feed: DepositStatusFeed) {
  const abort = new AbortController();
  const updates: (DepositStatusUpdate & { at: number })[] = [];
  const stream = watchDepositStatus(id, abort.signal, feed);
  const done = (async () => {
    for await (const update of stream) updates.push({ ...update, at: Date.now() });
  })();
  const next = async (index: number, withinMs = 10_000) => {
    const deadline = Date.now() + withinMs;
    while (updates.length <= index && Date.now() < deadline) await sleep(10);
    return updates[index];
  };
  return { updates, next, done, leave: () => abort.abort() };
}

const pay = (deposit: Deposit, client = otherClient) =>
  transaction((tx) => markDepositPaid(tx, deposit, { paidAmount: deposit.total, paidAt: new Date(), actor: { type: "PROVIDER", id: "sandbox" } }), client);

describe(`14 live status feed (${engine}: ${listen ? "LISTEN/NOTIFY" : "one poll per process"})`, () => {
  it("14 database reads do not grow with the number of viewers: 20 and 200 viewers cost the same", async () => {
    const deposits = await pendingDeposits(200);
    const cost: Record<number, { arrival: number; perSecond: number }> = {};
    for (const n of [20, 200]) {
      const feed = newFeed(100);
      const viewers = deposits.slice(0, n).map((d) => view(d.id, feed));
      await Promise.all(viewers.map((v) => v.next(0)));
      expect(viewers.every((v) => v.updates[0]?.status === "pending")).toBe(true);
      expect(feed.viewerCount).toBe(n);
      await settled(feed);
      const arrival = feed.reads;
      await sleep(1000);
      cost[n] = { arrival, perSecond: feed.reads - arrival };
      viewers.forEach((v) => v.leave());
      await Promise.all(viewers.map((v) => v.done));
    }
    // Arrivals within a few ms share one read; after that the cost is per poll (SQLite, one query
    // for every watched id) or nothing at all while nothing changes (PostgreSQL).
    for (const n of [20, 200]) {
      expect(cost[n]!.arrival, `reads on arrival of ${n}`).toBeLessThanOrEqual(3);
      expect(cost[n]!.perSecond, `reads per second with ${n}`).toBeLessThanOrEqual(listen ? 0 : 11);
    }
    expect(Math.abs(cost[200]!.perSecond - cost[20]!.perSecond)).toBeLessThanOrEqual(2);
  });

  it("14 a payment committed by another database client reaches its viewer within 1 s; so does a cancel", async () => {
    const [paid, cancelled] = await pendingDeposits(2);
    const feed = newFeed(250);
    const payer = view(paid!.id, feed);
    const canceller = view(cancelled!.id, feed);
    expect((await payer.next(0))?.status).toBe("pending");
    expect((await canceller.next(0))?.status).toBe("pending");

    expect(await pay(paid!)).not.toBeNull();
    const committed = Date.now();
    const update = await payer.next(1, 5_000);
    expect(update).toMatchObject({ id: paid!.id, status: "paid" });
    expect(update!.paidAt).toBeInstanceOf(Date);
    expect(update!.at - committed).toBeLessThan(1000);
    await payer.done; // the stream ends once the deposit is no longer pending

    await cancelDeposit(cancelled!.merchantId, cancelled!.id, actor);
    const at = Date.now();
    expect(await canceller.next(1, 5_000)).toMatchObject({ status: "expired" });
    expect(canceller.updates[1]!.at - at).toBeLessThan(1000);
    await canceller.done;
    expect(feed.viewerCount).toBe(0);
  });

  it("14 a deposit watched by many viewers is told to each of them", async () => {
    const [deposit] = await pendingDeposits(1);
    const feed = newFeed(100);
    const viewers = Array.from({ length: 50 }, () => view(deposit!.id, feed));
    await Promise.all(viewers.map((v) => v.next(0)));
    expect(feed.watchedCount).toBe(1);
    await pay(deposit!);
    await Promise.all(viewers.map((v) => v.done));
    expect(viewers.map((v) => v.updates.map((u) => u.status).join(">"))).toEqual(viewers.map(() => "pending>paid"));
  });

  it("14 expiry by the clock reaches the viewer without anyone asking, and is written once", async () => {
    const [deposit] = await pendingDeposits(1, 1200);
    const feed = newFeed(250);
    const viewer = view(deposit!.id, feed);
    expect((await viewer.next(0))?.status).toBe("pending");
    const update = await viewer.next(1, 5_000);
    expect(update?.status).toBe("expired");
    expect(update!.at - deposit!.expiredAt.getTime()).toBeLessThan(1000);
    expect(update!.at).toBeGreaterThanOrEqual(deposit!.expiredAt.getTime());
    expect((await db.deposit.findUniqueOrThrow({ where: { id: deposit!.id } })).status).toBe("expired");
    expect(await db.outboxEvent.count({ where: { merchantId: deposit!.merchantId, type: { contains: "expired" } } })).toBeLessThanOrEqual(1);
  });

  it("14 an overdue deposit is shown expired at once, and an unknown id yields nothing", async () => {
    const [deposit] = await pendingDeposits(1, -1000);
    const feed = newFeed(250);
    const viewer = view(deposit!.id, feed);
    await viewer.done;
    expect(viewer.updates.map((u) => u.status)).toEqual(["expired"]);
    const unknown = view(newDepositId(), feed);
    await unknown.done;
    expect(unknown.updates).toEqual([]);
    expect(feed.viewerCount).toBe(0);
  });

  it("14 a viewer that goes away is removed, and with none left the feed does nothing", async () => {
    const deposits = await pendingDeposits(3);
    const feed = newFeed(100);
    const viewers = deposits.map((d) => view(d.id, feed));
    await Promise.all(viewers.map((v) => v.next(0)));
    expect([feed.viewerCount, feed.watchedCount]).toEqual([3, 3]);
    await settled(feed);
    if (listen) expect(feed.listening).toBe(true);
    viewers[0]!.leave();
    await viewers[0]!.done;
    expect([feed.viewerCount, feed.watchedCount]).toEqual([2, 2]);
    viewers.slice(1).forEach((v) => v.leave());
    await Promise.all(viewers.map((v) => v.done));
    expect([feed.viewerCount, feed.watchedCount]).toEqual([0, 0]);
    await sleep(300); // past idleCloseMs
    const reads = feed.reads;
    await sleep(500);
    expect(feed.reads).toBe(reads);
    expect(feed.listening).toBe(false);
  });

  // PostgreSQL only (SQLite has no connection to lose: its poll reads the file).
  if (listen) it("14 PostgreSQL: when the listening connection is cut, it comes back and a payment made meanwhile still arrives", async () => {
    const [deposit] = await pendingDeposits(1);
    const feed = newFeed();
    const viewer = view(deposit!.id, feed);
    expect((await viewer.next(0))?.status).toBe("pending");
    await settled(feed);
    expect(feed.connections).toBe(1);
    // Cut it from the server side, then pay while it reconnects.
    const [cut] = await otherClient.$queryRawUnsafe<{ n: number }[]>(
      `SELECT COUNT(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`,
    );
    expect(cut?.n).toBeGreaterThanOrEqual(1);
    await pay(deposit!);
    expect(await viewer.next(1, 10_000)).toMatchObject({ status: "paid" });
    expect(feed.connections).toBeGreaterThanOrEqual(2);
  });
});

describe("14 live viewers are capped per process (503 past LIVE_MAX_VIEWERS)", () => {
  /** A response whose body stays open until cancelled, like a live stream. */
  const openStream = async () =>
    new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode(": ping\n\n")) }), { headers: { "Content-Type": "text/event-stream" } });

  it("14 a stream holds its place until its body ends or is cancelled; past the cap: 503, Retry-After, the error envelope", async () => {
    const admission = new LiveViewerAdmission(2);
    const first = await admission.admit(openStream);
    const second = await admission.admit(openStream);
    expect([first.status, second.status, admission.count]).toEqual([200, 200, 2]);
    const refused = await admission.admit(openStream);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ success: false, code: "LIVE_VIEWERS_FULL", error: expect.stringContaining(" / ") });
    expect(admission.count).toBe(2);
    // The viewer goes away: its place is free again.
    const reader = first.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(admission.count).toBe(1);
    expect((await admission.admit(openStream)).status).toBe(200);
    // A stream that ends by itself (an error answer, a closed deposit) frees its place too.
    const ended = await admission.admit(async () => Response.json({ error: "x" }, { status: 400 }));
    await ended.text();
    expect(admission.count).toBe(2);
  });

  it("14 /api/trpc answers deposits.watch 503 when this process is full, and still serves the other procedures", async () => {
    const globalAdmission = globalThis as unknown as { saldoLiveViewers?: LiveViewerAdmission };
    const saved = globalAdmission.saldoLiveViewers;
    const full = new LiveViewerAdmission(1);
    await full.admit(openStream);
    globalAdmission.saldoLiveViewers = full;
    try {
      const [deposit] = await pendingDeposits(1);
      const input = encodeURIComponent(JSON.stringify({ json: { id: deposit!.id } }));
      const get = (procedure: string) => trpcRoute.GET(new Request(`http://localhost/api/trpc/${procedure}?input=${input}`, { headers: { "x-forwarded-for": "198.51.100.77" } }));
      const watch = await get("deposits.watch");
      expect(watch.status).toBe(503);
      expect(watch.headers.get("retry-after")).toBeTruthy();
      expect(await watch.json()).toMatchObject({ success: false, code: "LIVE_VIEWERS_FULL" });
      // The page's fallback, the status query, is not capped. (Outside a Next.js request its session lookup fails and logs.)
      vi.spyOn(console, "error").mockImplementation(() => undefined);
      expect((await get("deposits.forPayer")).status).not.toBe(503);
      expect(full.count).toBe(1);
    } finally {
      vi.restoreAllMocks();
      globalAdmission.saldoLiveViewers = saved;
    }
  });
});
