// Fixed-window failure counters in the database, so every app process sees the same count.
import { transaction } from "../db";

export type Window = { max: number; windowSeconds: number };

/** True when `key` has used up its window; the window resets on its own. */
export async function isRateLimited(key: string, { max }: Window): Promise<{ limited: boolean; retryAfterSeconds: number }> {
  const bucket = await transaction((tx) => tx.rateLimitBucket.findUnique({ where: { key } }));
  const now = Date.now();
  if (!bucket || bucket.resetAt.getTime() <= now || bucket.count < max) return { limited: false, retryAfterSeconds: 0 };
  return { limited: true, retryAfterSeconds: Math.ceil((bucket.resetAt.getTime() - now) / 1000) };
}

/** Counts one more event against `key`, starting a fresh window when the last one has ended. */
export async function countRateLimited(key: string, { windowSeconds }: Pick<Window, "windowSeconds">): Promise<number> {
  return transaction(async (tx) => {
    const now = new Date();
    const live = await tx.rateLimitBucket.updateMany({
      where: { key, resetAt: { gt: now } },
      data: { count: { increment: 1 } },
    });
    const resetAt = new Date(now.getTime() + windowSeconds * 1000);
    if (live.count === 0) {
      await tx.rateLimitBucket.upsert({ where: { key }, create: { key, count: 1, resetAt }, update: { count: 1, resetAt } });
    }
    return (await tx.rateLimitBucket.findUniqueOrThrow({ where: { key } })).count;
  });
}

export async function clearRateLimit(key: string): Promise<void> {
  await transaction((tx) => tx.rateLimitBucket.deleteMany({ where: { key } }));
}
