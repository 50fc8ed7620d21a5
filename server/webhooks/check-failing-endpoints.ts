// The worker's "callback endpoint failing for an hour" check. An active endpoint is failing when
// every delivery attempt since its last success has failed, the first of those failures is at
// least an hour old, and there was at least one attempt in the last hour (it is still tried).
// One mail per failing spell: `failingMailedAt` records the mail, and a spell that began after it
// (a delivery succeeded in between) may mail again. The mark and the mail commit together,
// guarded on the mark's old value, so two workers never mail one spell twice.
import { db, transaction } from "../db";
import { callbackEndpointFailingMail } from "../mail/templates/callback-endpoint-failing";
import { notifyByMail } from "../notifications/send-notification-mail";

export const FAILING_FOR_MS = 60 * 60_000;

const success = { statusCode: { gte: 200, lt: 300 } };

export async function checkFailingEndpoints(options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const hourAgo = new Date(now.getTime() - FAILING_FOR_MS);
  // Candidates: merchants with callbacks being retried. A failing endpoint with traffic always has
  // some (each failure schedules a retry), so endpoints without them need no reading.
  // GROUP BY in SQL (Prisma's `distinct` would read every retrying row).
  const retrying = await db.outboxEvent.groupBy({
    by: ["merchantId"],
    where: { status: "pending", attempts: { gt: 0 } },
    orderBy: { merchantId: "asc" },
  });
  let mailed = 0;
  for (const { merchantId } of retrying) {
    const endpoint = await db.webhookEndpoint.findUnique({ where: { merchantId }, select: { id: true, url: true, status: true, failingMailedAt: true } });
    if (!endpoint || endpoint.status !== "active") continue;
    const ofMerchant = { event: { merchantId }, createdAt: { lte: now } };
    const lastSuccess = await db.deliveryAttempt.findFirst({ where: { ...ofMerchant, ...success }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
    const spellStart = await db.deliveryAttempt.findFirst({
      where: { ...ofMerchant, ...(lastSuccess ? { createdAt: { gt: lastSuccess.createdAt, lte: now } } : {}) },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    if (!spellStart || spellStart.createdAt > hourAgo) continue;
    if (endpoint.failingMailedAt && endpoint.failingMailedAt >= spellStart.createdAt) continue; // this spell was mailed
    const lastHour = await db.deliveryAttempt.findMany({
      where: { event: { merchantId }, createdAt: { gte: hourAgo, lte: now } },
      orderBy: { createdAt: "desc" },
      select: { error: true, statusCode: true },
    });
    if (!lastHour.length) continue;
    const last = lastHour[0]!;
    const lastError = last.error ?? (last.statusCode !== null ? `HTTP ${last.statusCode}` : null);
    mailed += await transaction(async (tx) => {
      const { count } = await tx.webhookEndpoint.updateMany({
        where: { id: endpoint.id, status: "active", failingMailedAt: endpoint.failingMailedAt },
        data: { failingMailedAt: now },
      });
      if (!count) return 0;
      await notifyByMail(tx, merchantId, "callback-endpoint", "callback-endpoint-failing", (locale, r) =>
        callbackEndpointFailingMail(locale, { url: endpoint.url, failingSince: spellStart.createdAt, attempts: lastHour.length, lastError, name: r.name }),
      );
      return 1;
    });
  }
  return mailed;
}
