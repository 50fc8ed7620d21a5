// Rate limits on the REST and prepaid APIs and on the public pay / QR / live-status routes
// (rate-limiter-flexible, one-minute windows). Counters live in Redis when REDIS_URL is set, so
// every app process shares them; otherwise in this process's memory. When Redis is unreachable
// each process falls back to its own memory counters (the insurance limiter) rather than failing
// requests. (Login has its own database-backed limit: server/http/rate-limit.ts.)
//
// Budgets, per minute:
// - API (RATE_LIMIT_API_PER_MINUTE): per API key (REST) or prepaid username, and per IP across
//   both APIs.
// - Failed API authentications (RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE) per IP: past it, that IP
//   is refused before any key is looked at, until the minute ends (no key guessing).
// - Public routes (RATE_LIMIT_PUBLIC_PER_MINUTE) per IP.
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { edgeEnv } from "../env";
import { AppError } from "../errors";

export type RequestLimitSettings = {
  apiPerMinute: number;
  publicPerMinute: number;
  unauthenticatedPerMinute: number;
  redisUrl?: string;
  /** Namespace of the Redis keys. */
  keyPrefix?: string;
};

const WINDOW_SECONDS = 60;

export function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError("RATE_LIMITED", `Terlalu banyak permintaan, coba lagi dalam ${retryAfterSeconds} detik / Too many requests, retry in ${retryAfterSeconds} s`, {
    retryAfterSeconds,
  });
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));
const ipKey = (ip: string | undefined) => ip ?? "unknown";

/** The counters themselves (rate-limiter-flexible objects and the Redis connection), shared by every bundle of the process. */
type LimiterStores = { api: RateLimiterAbstract; failures: RateLimiterAbstract; publicRoutes: RateLimiterAbstract; redis?: Redis };

function createStores(settings: RequestLimitSettings): LimiterStores {
  const prefix = settings.keyPrefix ?? "saldo:rl";
  let redis: Redis | undefined;
  if (settings.redisUrl) {
    // No offline queue: while Redis is away (or not yet connected) a command fails at once and the insurance limiter answers.
    redis = new Redis(settings.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 });
    let warned = false;
    redis.on("error", (error: Error) => {
      if (!warned) console.warn(`[rate-limit] Redis unavailable, counting in memory until it is back: ${error.message}`);
      warned = true;
    });
    redis.on("ready", () => (warned = false));
  }
  const limiter = (name: string, points: number) => {
    const keyPrefix = `${prefix}:${name}`;
    const memory = new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS });
    if (!redis) return memory;
    return new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration: WINDOW_SECONDS, rejectIfRedisNotReady: true, insuranceLimiter: memory });
  };
  return {
    api: limiter("api", settings.apiPerMinute),
    failures: limiter("auth-fail", settings.unauthenticatedPerMinute),
    publicRoutes: limiter("public", settings.publicPerMinute),
    redis,
  };
}

export class RequestLimiters {
  private readonly redis?: Redis;
  private readonly api: RateLimiterAbstract;
  private readonly failures: RateLimiterAbstract;
  private readonly publicRoutes: RateLimiterAbstract;

  constructor(stores: LimiterStores) {
    this.redis = stores.redis;
    this.api = stores.api;
    this.failures = stores.failures;
    this.publicRoutes = stores.publicRoutes;
  }

  /** A set of limiters of its own (tests; a second process's view of the same Redis). */
  static create(settings: RequestLimitSettings): RequestLimiters {
    return new RequestLimiters(createStores(settings));
  }

  /** Resolves when the counters can be shared (at once for memory); false if Redis did not answer in time. */
  async ready(timeoutMs = 3000): Promise<boolean> {
    const redis = this.redis;
    if (!redis) return true;
    if (redis.status === "ready") return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      redis.once("ready", () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  async close(): Promise<void> {
    if (this.redis) await this.redis.quit().catch(() => this.redis?.disconnect());
  }

  /** Every REST / prepaid request, before its caller is known: refused when this IP spent its failed-authentication budget or its API budget. */
  async admitApiRequest(ip: string | undefined): Promise<void> {
    await this.refuseIfSpent(this.failures, ipKey(ip));
    await this.consume(this.api, `ip:${ipKey(ip)}`);
  }

  /** A request whose API key (or prepaid sign) was accepted: counts against that key's budget, refused past it. */
  async admitApiKey(subject: string): Promise<void> {
    await this.consume(this.api, `key:${subject}`);
  }

  /** Refuses when the key's budget is already spent, without counting (prepaid: before its sign is checked). */
  async refuseIfApiKeySpent(subject: string): Promise<void> {
    await this.refuseIfSpent(this.api, `key:${subject}`);
  }

  /** Counts one request against the key's budget without refusing (prepaid: once its sign was accepted). */
  async countApiKey(subject: string): Promise<void> {
    await this.count(this.api, `key:${subject}`);
  }

  /** A missing or wrong API key / prepaid sign from this IP. */
  async countFailedAuthentication(ip: string | undefined): Promise<void> {
    await this.count(this.failures, ipKey(ip));
  }

  /** A request to the public pay page, QR images or the live-status feed. */
  async admitPublicRequest(ip: string | undefined): Promise<void> {
    await this.consume(this.publicRoutes, ipKey(ip));
  }

  private async consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw rateLimited(retryAfter(error));
      // A counter that cannot be kept must not take the API down with it.
      console.error("[rate-limit] counter failed; request let through:", error);
    }
  }

  private async count(limiter: RateLimiterAbstract, key: string): Promise<void> {
    try {
      await limiter.penalty(key);
    } catch (error) {
      console.error("[rate-limit] counter failed:", error);
    }
  }

  private async refuseIfSpent(limiter: RateLimiterAbstract, key: string): Promise<void> {
    let res: RateLimiterRes | null;
    try {
      res = await limiter.get(key);
    } catch (error) {
      console.error("[rate-limit] counter failed; request let through:", error);
      return;
    }
    if (res && res.consumedPoints >= limiter.points) throw rateLimited(retryAfter(res));
  }
}

const SHARED = Symbol.for("saldo.requestLimiterStores");

/**
 * This process's limiters, configured from the environment. proxy.ts and the route handlers are
 * bundled apart, so the counters are kept on globalThis (one set per process); the wrapper is made
 * per bundle, so the errors it throws are this bundle's AppError.
 */
export function requestLimiters(): RequestLimiters {
  const holder = globalThis as { [SHARED]?: LimiterStores };
  holder[SHARED] ??= createStores({
    apiPerMinute: edgeEnv.RATE_LIMIT_API_PER_MINUTE,
    publicPerMinute: edgeEnv.RATE_LIMIT_PUBLIC_PER_MINUTE,
    unauthenticatedPerMinute: edgeEnv.RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE,
    redisUrl: edgeEnv.REDIS_URL,
  });
  return new RequestLimiters(holder[SHARED]);
}
