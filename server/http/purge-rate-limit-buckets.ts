// The worker's clean-up of the sign-in counters (RateLimitBucket, server/http/rate-limit.ts): a
// bucket whose window ended counts for nothing (the next attempt starts a fresh window), so it is
// deleted once its window ended more than RATE_LIMIT_RETENTION_HOURS ago. Live windows and
// recently ended ones (still useful to read when investigating) stay.
import { db } from "../db";
import { edgeEnv } from "../env";

export async function purgeRateLimitBuckets({ now = new Date(), retentionHours = edgeEnv.RATE_LIMIT_RETENTION_HOURS }: { now?: Date; retentionHours?: number } = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionHours * 3600_000);
  // One statement on the resetAt index; a bucket restarted meanwhile has a later resetAt and stays.
  const { count } = await db.rateLimitBucket.deleteMany({ where: { resetAt: { lt: cutoff } } });
  return count;
}
