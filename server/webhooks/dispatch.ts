// The worker's delivery loop.
//
// Claims: an event is claimed (lockedBy/lockedUntil) only when a delivery slot is free to start it,
// and the claim is renewed while its delivery runs, so a slow receiver's event is never re-claimed
// by another worker and sent twice; every status write is guarded by `lockedBy = me`. A worker
// that dies simply lets its claims lapse (WEBHOOK_CLAIM_SECONDS) and another retries the events.
// The worker refuses to start unless the claim outlasts WEBHOOK_TIMEOUT_MS (deliveryTimingProblem).
//
// Fairness: at most WEBHOOK_CONCURRENCY_PER_ENDPOINT deliveries are in flight to one merchant's
// endpoint across all workers; claims are made one at a time (SQLite's write lock, an advisory
// lock on PostgreSQL), so that count is exact. A dead endpoint with a long backlog therefore
// holds a couple of slots, and every other merchant's events are claimed beside it.
//
// Failures back off per WEBHOOK_RETRY_SCHEDULE with jitter.
import { recordAudit } from "../audit";
import { db, engine, type OutboxEvent, transaction, type Tx, type WebhookEndpoint } from "../db";
import { webhookEnv } from "../env";
import { callbackEndpointDisabledMail } from "../mail/templates/callback-endpoint-disabled";
import { notifyMerchant } from "../notifications/notify-merchant";
import { notifyByMail } from "../notifications/send-notification-mail";
import { attemptDelivery, type AttemptResult } from "./deliver";
import { subscribes } from "./event-subscriptions";

/** A claim must outlast the delivery timeout by this much (database writes around the attempt, clocks). */
export const CLAIM_MARGIN_MS = 5_000;
// pg_advisory_xact_lock key that serialises claims on PostgreSQL ("saldo:outbox-claim").
const CLAIM_LOCK_KEY = "7305143901226001";

type WebhookSettings = Pick<typeof webhookEnv, "WEBHOOK_CLAIM_SECONDS" | "WEBHOOK_TIMEOUT_MS">;

/** Why the worker must not start with these settings, or null: a claim shorter than a delivery lets another worker send it again. */
export function deliveryTimingProblem(settings: WebhookSettings = webhookEnv): string | null {
  const claimMs = settings.WEBHOOK_CLAIM_SECONDS * 1000;
  const needed = settings.WEBHOOK_TIMEOUT_MS + CLAIM_MARGIN_MS;
  if (claimMs >= needed) return null;
  return (
    `WEBHOOK_CLAIM_SECONDS=${settings.WEBHOOK_CLAIM_SECONDS} must outlast WEBHOOK_TIMEOUT_MS=${settings.WEBHOOK_TIMEOUT_MS} by ${CLAIM_MARGIN_MS / 1000} s ` +
    `(set WEBHOOK_CLAIM_SECONDS to ${Math.ceil(needed / 1000)} or more, or lower WEBHOOK_TIMEOUT_MS): a delivery still running when its claim lapses could be sent twice`
  );
}

export type ClaimOptions = {
  /** At most this many events (the free delivery slots). */
  limit?: number;
  /** At most this many in flight per merchant endpoint, counting every worker's live claims. */
  perEndpoint?: number;
  claimSeconds?: number;
  now?: Date;
};

type ClaimParameters = { workerId: string; now: Date; until: Date; perEndpoint: number; window: number; limit: number };

/**
 * The claim, one statement: the live claims per merchant (`inflight`), a window of the oldest due
 * events of merchants that are not full (`due`), numbered per merchant after its live claims
 * (`ranked`), and the update of those that fit, oldest due first. Exported so a test can EXPLAIN it.
 */
export function outboxClaimStatement(forEngine: typeof engine, p: ClaimParameters): { sql: string; values: (string | number)[] } {
  const postgres = forEngine === "postgres";
  const values: (string | number)[] = [];
  const value = (v: string | number) => {
    values.push(v);
    return postgres ? `$${values.length}` : "?";
  };
  // Timestamps are stored as UTC ISO text on SQLite and as UTC wall-clock `timestamp(3)` on PostgreSQL.
  const at = (d: Date) => (postgres ? `${value(d.toISOString())}::timestamp(3)` : value(d.toISOString()));
  const sql = `
    WITH inflight AS (
      SELECT "merchantId", COUNT(*) AS n FROM "OutboxEvent"
      WHERE "status" = 'pending' AND "lockedUntil" >= ${at(p.now)}
      GROUP BY "merchantId"
    ), due AS (
      SELECT "id", "merchantId", "nextAttemptAt" FROM "OutboxEvent"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${at(p.now)}
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${at(p.now)})
        AND "merchantId" NOT IN (SELECT "merchantId" FROM inflight WHERE n >= ${value(p.perEndpoint)})
      ORDER BY "nextAttemptAt" LIMIT ${value(p.window)}
    ), ranked AS (
      SELECT d."id", d."nextAttemptAt",
        COALESCE(i.n, 0) + ROW_NUMBER() OVER (PARTITION BY d."merchantId" ORDER BY d."nextAttemptAt", d."id") AS slot
      FROM due d LEFT JOIN inflight i ON i."merchantId" = d."merchantId"
    )
    UPDATE "OutboxEvent" SET "lockedBy" = ${value(p.workerId)}, "lockedUntil" = ${at(p.until)}
    WHERE "id" IN (SELECT "id" FROM ranked WHERE slot <= ${value(p.perEndpoint)} ORDER BY "nextAttemptAt" LIMIT ${value(p.limit)})
    RETURNING "id"`;
  return { sql, values };
}

/**
 * Claims due events, oldest due first, at most `perEndpoint` in flight per merchant endpoint
 * (counting every worker's live claims). On SQLite the statement runs under the database's write
 * lock; on PostgreSQL after an advisory lock, in a transaction of its own, so it counts every
 * claim committed before it. A backlog of one merchant in the window costs the others at most
 * this claim, since that merchant is full for the next one. Returns the claimed rows.
 */
export async function claimDueEvents(workerId: string, options: ClaimOptions = {}): Promise<OutboxEvent[]> {
  const limit = options.limit ?? webhookEnv.WEBHOOK_BATCH_SIZE;
  const perEndpoint = options.perEndpoint ?? webhookEnv.WEBHOOK_CONCURRENCY_PER_ENDPOINT;
  const claimMs = (options.claimSeconds ?? webhookEnv.WEBHOOK_CLAIM_SECONDS) * 1000;
  if (limit < 1) return [];
  const now = options.now ?? new Date();
  const claim = outboxClaimStatement(engine, { workerId, now, until: new Date(now.getTime() + claimMs), perEndpoint, window: Math.max(limit * 4, 100), limit });
  let rows: { id: string }[];
  if (engine === "postgres") {
    [, rows] = await db.$transaction([
      db.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CLAIM_LOCK_KEY})`),
      db.$queryRawUnsafe<{ id: string }[]>(claim.sql, ...claim.values),
    ]);
  } else {
    // In `transaction`, which queues behind this process's other transactions on the one connection.
    rows = await transaction((tx) => tx.$queryRawUnsafe<{ id: string }[]>(claim.sql, ...claim.values));
  }
  if (!rows.length) return [];
  return db.outboxEvent.findMany({ where: { id: { in: rows.map((r) => r.id) }, lockedBy: workerId }, orderBy: { nextAttemptAt: "asc" } });
}

/** Seconds until the next try after `attempts` failures, ±20 % jitter; null when retries are used up. */
export function retryDelaySeconds(attempts: number, schedule = webhookEnv.WEBHOOK_RETRY_SCHEDULE, random = Math.random): number | null {
  const base = schedule[attempts - 1];
  if (base === undefined) return null;
  return base * (0.8 + 0.4 * random());
}

const released = { lockedBy: null, lockedUntil: null };

type Endpoints = Map<string, Promise<WebhookEndpoint | null>>;

/**
 * Keeps a claim alive while its delivery runs: renewed a third of the way into each claim
 * period. `ready` is false when the claim is no longer this worker's (it lapsed and another
 * worker took the event): then the event must not be sent.
 */
function holdClaim(event: OutboxEvent, workerId: string, claimMs: number) {
  const renew = async () => {
    const { count } = await transaction((tx) =>
      tx.outboxEvent.updateMany({ where: { id: event.id, lockedBy: workerId, status: "pending" }, data: { lockedUntil: new Date(Date.now() + claimMs) } }),
    );
    return count > 0;
  };
  // A claim made a moment ago needs no write; an older one (a slow endpoint lookup, a busy database) is renewed first.
  const fresh = event.lockedUntil !== null && event.lockedUntil.getTime() - Date.now() > (claimMs * 2) / 3;
  const ready = fresh ? Promise.resolve(true) : renew();
  const timer = setInterval(() => {
    renew().catch((error: unknown) => console.error(`[deliveries] ${event.id}: renewing the claim failed:`, error));
  }, Math.max(claimMs / 3, 50));
  timer.unref();
  return { ready, stop: () => clearInterval(timer) };
}

type Outcome = "delivered" | "retry" | "failed";
type Finished = { event: OutboxEvent; endpoint: WebhookEndpoint; result: AttemptResult; attempts: number };

/**
 * The outcomes of finished deliveries, with their DeliveryAttempt rows, in one transaction: the
 * attempts in one insert, the delivered events in one update per attempt count, the rare rest
 * (retry, failed, 410 Gone) one by one. Every update is guarded by `lockedBy = me`.
 */
async function writeOutcomes(tx: Tx, batch: Finished[], workerId: string): Promise<Outcome[]> {
  await tx.deliveryAttempt.createMany({ data: batch.map((f) => f.result.record) });
  const outcomes: Outcome[] = [];
  const deliveredAt = new Date();
  const delivered = new Map<number, string[]>();
  for (const [i, f] of batch.entries()) {
    if (!f.result.ok) continue;
    delivered.set(f.attempts, [...(delivered.get(f.attempts) ?? []), f.event.id]);
    outcomes[i] = "delivered";
  }
  for (const [attempts, ids] of delivered) {
    await tx.outboxEvent.updateMany({ where: { id: { in: ids }, lockedBy: workerId }, data: { status: "delivered", attempts, deliveredAt, lastError: null, ...released } });
  }
  for (const [i, f] of batch.entries()) {
    if (!f.result.ok) outcomes[i] = await writeFailure(tx, f, workerId);
  }
  return outcomes;
}

async function writeFailure(tx: Tx, { event, endpoint, result, attempts }: Finished, workerId: string): Promise<Outcome> {
  const mine = { id: event.id, lockedBy: workerId };
  const lastError = result.error ?? `HTTP ${result.statusCode}`;
  if (result.gone) {
    // 410 Gone: the receiver says this endpoint is retired. Stop sending and tell the merchant.
    await tx.outboxEvent.updateMany({ where: mine, data: { status: "failed", attempts, lastError, ...released } });
    const disabled = await tx.webhookEndpoint.updateMany({
      where: { id: endpoint.id, status: "active" },
      data: { status: "disabled", disabledAt: new Date(), disabledReason: `Receiver answered 410 Gone for event ${event.id}` },
    });
    await recordAudit(tx, { actor: { type: "WORKER", id: workerId }, action: "webhook.disabled_gone", targetType: "webhook_endpoint", targetId: endpoint.id, merchantId: event.merchantId });
    await notifyMerchant(tx, {
      merchantId: event.merchantId,
      type: "webhook.disabled",
      title: "Endpoint webhook dinonaktifkan / Webhook endpoint disabled",
      body: `Penerima menjawab 410 Gone; callback dihentikan sampai URL disimpan ulang / The receiver answered 410 Gone; callbacks stop until the URL is saved again (${endpoint.url})`,
    });
    // One mail per disabling: two 410s in one batch disable the endpoint once.
    if (disabled.count > 0) {
      const at = new Date();
      await notifyByMail(tx, event.merchantId, "callback-endpoint", "callback-endpoint-disabled", (locale, r) => callbackEndpointDisabledMail(locale, { url: endpoint.url, at, name: r.name }));
    }
    return "failed";
  }
  const delay = retryDelaySeconds(attempts);
  if (delay === null) {
    await tx.outboxEvent.updateMany({ where: mine, data: { status: "failed", attempts, lastError, ...released } });
    return "failed";
  }
  await tx.outboxEvent.updateMany({ where: mine, data: { attempts, lastError, nextAttemptAt: new Date(Date.now() + delay * 1000), ...released } });
  return "retry";
}

/**
 * Batched status writes: a finished delivery waits at most `gatherMs` (WEBHOOK_WRITE_BATCH_MS) for
 * others, then all their outcomes are written in one transaction. Its claim is held (and renewed)
 * until then, so no other worker takes the event in between.
 */
export class OutcomeWriter {
  private queue: { finished: Finished; resolve: (o: Outcome) => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly workerId: string,
    private readonly gatherMs = webhookEnv.WEBHOOK_WRITE_BATCH_MS,
    private readonly maxBatch = 200,
  ) {}

  write(finished: Finished): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      this.queue.push({ finished, resolve, reject });
      if (this.queue.length >= this.maxBatch || this.gatherMs === 0) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.gatherMs);
    });
  }

  private async flush() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue.splice(0);
    if (!batch.length) return;
    try {
      const outcomes = await transaction((tx) => writeOutcomes(tx, batch.map((b) => b.finished), this.workerId));
      batch.forEach((b, i) => b.resolve(outcomes[i]!));
    } catch (error) {
      batch.forEach((b) => b.reject(error));
    }
  }
}

export async function processClaimedEvent(
  event: OutboxEvent,
  workerId: string,
  endpoints: Endpoints = new Map(),
  claimSeconds = webhookEnv.WEBHOOK_CLAIM_SECONDS,
  writer: OutcomeWriter = new OutcomeWriter(workerId, 0),
): Promise<"delivered" | "retry" | "failed" | "skipped" | "lost"> {
  const mine = { id: event.id, lockedBy: workerId };
  // One endpoint lookup per merchant per second (runDeliveries shares the map).
  if (!endpoints.has(event.merchantId)) endpoints.set(event.merchantId, db.webhookEndpoint.findUnique({ where: { merchantId: event.merchantId } }));
  const endpoint = await endpoints.get(event.merchantId)!;
  if (!endpoint || endpoint.status !== "active" || !subscribes(endpoint, event.type)) {
    const reason = !endpoint ? "No endpoint configured" : endpoint.status !== "active" ? "Endpoint disabled" : "Event type not subscribed";
    await transaction((tx) => tx.outboxEvent.updateMany({ where: mine, data: { status: "skipped", lastError: reason, ...released } }));
    return "skipped";
  }
  const attempts = event.attempts + 1;
  const claim = holdClaim(event, workerId, claimSeconds * 1000);
  try {
    if (!(await claim.ready)) return "lost";
    const result = await attemptDelivery(event, endpoint, { attempt: attempts });
    // The claim is held until the outcome is written.
    return await writer.write({ event, endpoint, result, attempts });
  } finally {
    claim.stop();
  }
}

export type RunOptions = {
  /** Claims one run makes at most (1 = a single pass). */
  maxBatches?: number;
  /** Deliveries this worker runs at once. */
  concurrency?: number;
  perEndpoint?: number;
  claimSeconds?: number;
};

/**
 * Claims and delivers due events until none are left (or `maxBatches` claims). A slot that
 * frees is refilled by the next claim while other deliveries still run, so a slow endpoint holds
 * its own slots and nobody else's. Returns how many events were processed.
 */
export async function runDeliveries(workerId: string, options: RunOptions = {}): Promise<number> {
  const maxBatches = options.maxBatches ?? 100;
  const concurrency = options.concurrency ?? webhookEnv.WEBHOOK_CONCURRENCY;
  const claimSeconds = options.claimSeconds ?? webhookEnv.WEBHOOK_CLAIM_SECONDS;
  const running = new Set<Promise<void>>();
  const writer = new OutcomeWriter(workerId);
  let processed = 0;
  let claims = 0;
  // Endpoint lookups are shared for a second at a time: a changed URL or a disabled endpoint is seen within it.
  let endpoints: Endpoints = new Map();
  let endpointsSince = Date.now();
  // After a claim that got all it asked for, more is due: claim again once half the slots are
  // free, so a busy worker claims in batches rather than once per delivery.
  let claimWhenFree = 1;
  while (claims < maxBatches) {
    const free = concurrency - running.size;
    if (free < claimWhenFree) {
      await Promise.race(running);
      continue;
    }
    const wanted = Math.min(free, webhookEnv.WEBHOOK_BATCH_SIZE);
    const events = await claimDueEvents(workerId, { limit: wanted, perEndpoint: options.perEndpoint, claimSeconds });
    claims++;
    if (Date.now() - endpointsSince > 1000) [endpoints, endpointsSince] = [new Map(), Date.now()];
    for (const event of events) {
      const delivery: Promise<void> = processClaimedEvent(event, workerId, endpoints, claimSeconds, writer)
        .then(() => undefined)
        .catch((error: unknown) => console.error(`[deliveries] ${event.id} failed to process:`, error))
        .finally(() => {
          running.delete(delivery);
          processed++;
        });
      running.add(delivery);
    }
    if (events.length < wanted) {
      // Nothing more is claimable now (nothing due, or only endpoints that are full): wait for a slot to free.
      if (!running.size) break;
      claimWhenFree = 1;
      await Promise.race(running);
    } else claimWhenFree = Math.ceil(concurrency / 2);
  }
  await Promise.all(running);
  return processed;
}
