// Fixed-window failure counters in the database, so every app process sees the same count.
import { transaction, type Tx } from "../db";

type Window = { windowSeconds: number };

/**
 * One more event against `key` inside `tx`, starting a fresh window when the last one has ended;
 * returns the bucket after it. Each step is a guarded write, so concurrent callers never lose a
 * count: the row lock orders them, and a twin that created the row first makes our insert fail
 * with P2002, which `transaction()` retries (the retry then increments).
 */
async function bump(tx: Tx, key: string, windowSeconds: number, now: Date) {
  const live = await tx.rateLimitBucket.updateMany({ where: { key, resetAt: { gt: now } }, data: { count: { increment: 1 } } });
  if (live.count === 0) {
    const resetAt = new Date(now.getTime() + windowSeconds * 1000);
    const ended = await tx.rateLimitBucket.updateMany({ where: { key, resetAt: { lte: now } }, data: { count: 1, resetAt } });
    if (ended.count === 0) await tx.rateLimitBucket.create({ data: { key, count: 1, resetAt } });
  }
  return tx.rateLimitBucket.findUniqueOrThrow({ where: { key } });
}

export type Taken = { key: string; allowed: boolean; count: number; retryAfterSeconds: number };

/**
 * Counts one attempt against every key at once and says, per key, whether it is still within
 * its `max` — before the work the limit guards, so N parallel attempts get N distinct counts
 * and at most `max` of them are allowed. (Checking first and counting after lets a burst slip
 * through between the two.) One transaction, so the keys count together or not at all.
 */
export async function takeRateLimits(limits: { key: string; max: number }[], { windowSeconds }: Window): Promise<Taken[]> {
  return transaction(async (tx) => {
    const now = new Date();
    const taken: Taken[] = [];
    for (const { key, max } of limits) {
      const bucket = await bump(tx, key, windowSeconds, now);
      const allowed = bucket.count <= max;
      taken.push({ key, allowed, count: bucket.count, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((bucket.resetAt.getTime() - now.getTime()) / 1000)) });
    }
    return taken;
  });
}

/** Gives back one count taken by `takeRateLimits` (an attempt that turned out not to be a failure). */
export async function refundRateLimits(keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await transaction((tx) => tx.rateLimitBucket.updateMany({ where: { key: { in: keys }, count: { gt: 0 } }, data: { count: { decrement: 1 } } }));
}

export async function clearRateLimit(key: string): Promise<void> {
  await transaction((tx) => tx.rateLimitBucket.deleteMany({ where: { key } }));
}
