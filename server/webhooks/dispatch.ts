// The worker's delivery loop. Events are claimed with a guarded update (on PostgreSQL,
// `FOR UPDATE SKIP LOCKED`), so two workers never deliver the same attempt; a claim lapses if its
// worker dies, and the event is retried. Failures back off per WEBHOOK_RETRY_SCHEDULE with jitter.
import { recordAudit } from "../audit";
import { db, engine, type OutboxEvent, transaction, type WebhookEndpoint } from "../db";
import { webhookEnv } from "../env";
import { notifyMerchant } from "../notifications/notify-merchant";
import { attemptDelivery, saveAttempt } from "./deliver";
import { subscribes } from "./event-subscriptions";

export async function claimDueEvents(workerId: string, limit = webhookEnv.WEBHOOK_BATCH_SIZE, now = new Date()): Promise<OutboxEvent[]> {
  const until = new Date(now.getTime() + webhookEnv.WEBHOOK_CLAIM_SECONDS * 1000);
  let ids: string[];
  if (engine === "postgres") {
    // Timestamps are stored as UTC wall-clock `timestamp(3)`; ISO strings cast the same way.
    const rows = await db.$queryRaw<{ id: string }[]>`
      UPDATE "OutboxEvent" SET "lockedBy" = ${workerId}, "lockedUntil" = ${until.toISOString()}::timestamp(3)
      WHERE "id" IN (
        SELECT "id" FROM "OutboxEvent"
        WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now.toISOString()}::timestamp(3)
          AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now.toISOString()}::timestamp(3))
        ORDER BY "nextAttemptAt" LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id"`;
    ids = rows.map((r) => r.id);
  } else {
    // SQLite: `transaction` holds the database's write lock, so the read and the claim are one step.
    ids = await transaction(async (tx) => {
      const due = await tx.outboxEvent.findMany({
        where: { status: "pending", nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
        orderBy: { nextAttemptAt: "asc" },
        take: limit,
        select: { id: true },
      });
      if (due.length) await tx.outboxEvent.updateMany({ where: { id: { in: due.map((d) => d.id) } }, data: { lockedBy: workerId, lockedUntil: until } });
      return due.map((d) => d.id);
    });
  }
  if (!ids.length) return [];
  return db.outboxEvent.findMany({ where: { id: { in: ids }, lockedBy: workerId }, orderBy: { nextAttemptAt: "asc" } });
}

/** Seconds until the next try after `attempts` failures, ±20 % jitter; null when retries are used up. */
export function retryDelaySeconds(attempts: number, schedule = webhookEnv.WEBHOOK_RETRY_SCHEDULE, random = Math.random): number | null {
  const base = schedule[attempts - 1];
  if (base === undefined) return null;
  return base * (0.8 + 0.4 * random());
}

const released = { lockedBy: null, lockedUntil: null };

type Endpoints = Map<string, Promise<WebhookEndpoint | null>>;

export async function processClaimedEvent(event: OutboxEvent, workerId: string, endpoints: Endpoints = new Map()): Promise<"delivered" | "retry" | "failed" | "skipped"> {
  const mine = { id: event.id, lockedBy: workerId };
  // One endpoint lookup per merchant per batch.
  if (!endpoints.has(event.merchantId)) endpoints.set(event.merchantId, db.webhookEndpoint.findUnique({ where: { merchantId: event.merchantId } }));
  const endpoint = await endpoints.get(event.merchantId)!;
  if (!endpoint || endpoint.status !== "active" || !subscribes(endpoint, event.type)) {
    const reason = !endpoint ? "No endpoint configured" : endpoint.status !== "active" ? "Endpoint disabled" : "Event type not subscribed";
    await transaction((tx) => tx.outboxEvent.updateMany({ where: mine, data: { status: "skipped", lastError: reason, ...released } }));
    return "skipped";
  }
  const attempts = event.attempts + 1;
  const result = await attemptDelivery(event, endpoint, { attempt: attempts });
  return transaction(async (tx) => {
    await saveAttempt(tx, result);
    if (result.ok) {
      await tx.outboxEvent.updateMany({ where: mine, data: { status: "delivered", attempts, deliveredAt: new Date(), lastError: null, ...released } });
      return "delivered" as const;
    }
    const lastError = result.error ?? `HTTP ${result.statusCode}`;
    if (result.gone) {
      // 410 Gone: the receiver says this endpoint is retired. Stop sending and tell the merchant.
      await tx.outboxEvent.updateMany({ where: mine, data: { status: "failed", attempts, lastError, ...released } });
      await tx.webhookEndpoint.updateMany({
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
      return "failed" as const;
    }
    const delay = retryDelaySeconds(attempts);
    if (delay === null) {
      await tx.outboxEvent.updateMany({ where: mine, data: { status: "failed", attempts, lastError, ...released } });
      return "failed" as const;
    }
    await tx.outboxEvent.updateMany({ where: mine, data: { attempts, lastError, nextAttemptAt: new Date(Date.now() + delay * 1000), ...released } });
    return "retry" as const;
  });
}

/** Claims and delivers due events until none are left (or `maxBatches`). Returns how many were processed. */
export async function runDeliveries(workerId: string, { maxBatches = 20, concurrency = webhookEnv.WEBHOOK_CONCURRENCY } = {}): Promise<number> {
  let processed = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const events = await claimDueEvents(workerId);
    if (!events.length) break;
    const endpoints: Endpoints = new Map();
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, events.length) }, async () => {
        while (next < events.length) {
          const event = events[next++]!;
          await processClaimedEvent(event, workerId, endpoints).catch((error) => console.error(`[deliveries] ${event.id} failed to process:`, error));
          processed++;
        }
      }),
    );
  }
  return processed;
}
