// Validated configuration. Everything the server reads from the environment goes through here.
import { z } from "zod";

const flag = z
  .string()
  .optional()
  .transform((v) => v === "1" || v === "true");

const schema = z.object({
  DATABASE_URL: z.string().default("file:./data/saldo.db"),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Sign-in attempts that may fail per account from one address, per window (the lock a stranger can only put on themselves). */
  LOGIN_MAX_FAILURES_PER_ACCOUNT_IP: z.coerce.number().int().positive().default(5),
  /** The per-account backstop, from every address together: far higher, so nobody can lock an admin out with a few guesses. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(100),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(11),
  /** How long a signed-in user's role, merchant and status are cached before the database is asked again (0 = every request). */
  SESSION_REFRESH_SECONDS: z.coerce.number().int().nonnegative().default(30),
  /** AES-256-GCM key for secrets kept at rest (the prepaid API key): 32 bytes as 64 hex characters or base64. */
  DATA_ENCRYPTION_KEY: z
    .string()
    .trim()
    .regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, "must be 32 bytes, as 64 hex characters or base64")
    .optional(),
  /** Earlier DATA_ENCRYPTION_KEY values, comma-separated: still decrypt, never encrypt (see `npm run secrets:rotate`). */
  DATA_ENCRYPTION_KEYS_OLD: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, "each must be 32 bytes, as 64 hex characters or base64"))),

  /** The portal's own public URL: QR image links and the sandbox's webhook target. */
  APP_URL: z.string().url().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** Sandbox mode: the sandbox provider, simulate-payment endpoint and button. */
  SANDBOX: flag,
  /** A staging box may run the sandbox (and SQLite) under NODE_ENV=production; see server/production-check.ts. */
  ALLOW_SANDBOX_IN_PRODUCTION: flag,
  /**
   * Callbacks to http://localhost under NODE_ENV=production while the sandbox serves: for the demo
   * and the e2e run (production builds on one machine). Without the sandbox it does nothing.
   */
  ALLOW_LOCAL_CALLBACKS: flag,
  // Secrets: built-in values exist only in development and tests (see withDevelopmentDefaults).
  SANDBOX_WEBHOOK_SECRET: z.string().min(16).optional(),
  BANK_MUTATION_SECRET: z.string().min(16).optional(),
  /** Which adapter takes payments in (VA, QRIS, direct debit); server/providers/index.ts picks it. */
  PAYMENT_PROVIDER: z.enum(["sandbox", "midtrans"]).default("sandbox"),
  /** Which adapter sends withdrawals out. */
  PAYOUT_PROVIDER: z.enum(["sandbox", "midtrans"]).default("sandbox"),
  /** Which adapter fills prepaid orders. */
  PREPAID_SUPPLIER: z.enum(["sandbox", "iak"]).default("sandbox"),

  DEPOSIT_BANK_NAME: z.string().default("BCA"),
  DEPOSIT_BANK_ACCOUNT_NUMBER: z.string().default("8730123456"),
  DEPOSIT_BANK_ACCOUNT_NAME: z.string().default("PT Saldo Digital Indonesia"),
  /** JSON overrides per method: {"QRIS":{"flat":0,"bps":70,"min":1000,"max":10000000,"expiryMinutes":30}} */
  DEPOSIT_METHODS: z.string().optional(),
  QRIS_MERCHANT_NAME: z.string().default("SALDO"),
  QRIS_MERCHANT_CITY: z.string().default("JAKARTA"),
  /** How often the worker looks for expired deposits. */
  WORKER_INTERVAL_SECONDS: z.coerce.number().positive().default(15),
});

const DEVELOPMENT_SECRETS = {
  SANDBOX_WEBHOOK_SECRET: "sandbox-webhook-secret-change-me",
  BANK_MUTATION_SECRET: "bank-mutation-secret-change-me",
  DATA_ENCRYPTION_KEY: "fb1ac8c0d88c836763f1b2c56c6e21fe62e0ad8d3a56383085f71bdbf4086633",
};

/**
 * Outside production a missing secret gets a published development value; in production it stays
 * empty (signatures made with it never verify) and the production check refuses to start. The
 * sandbox exists in production only where a staging box declared it.
 */
function withDevelopmentDefaults(parsed: z.infer<typeof schema>) {
  const development = parsed.NODE_ENV !== "production";
  return {
    ...parsed,
    SANDBOX: parsed.SANDBOX && (development || parsed.ALLOW_SANDBOX_IN_PRODUCTION),
    SANDBOX_WEBHOOK_SECRET: parsed.SANDBOX_WEBHOOK_SECRET ?? (development ? DEVELOPMENT_SECRETS.SANDBOX_WEBHOOK_SECRET : ""),
    BANK_MUTATION_SECRET: parsed.BANK_MUTATION_SECRET ?? (development ? DEVELOPMENT_SECRETS.BANK_MUTATION_SECRET : ""),
    DATA_ENCRYPTION_KEY: parsed.DATA_ENCRYPTION_KEY ?? (development ? DEVELOPMENT_SECRETS.DATA_ENCRYPTION_KEY : ""),
  };
}

export type Env = ReturnType<typeof withDevelopmentDefaults>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return withDevelopmentDefaults(parsed.data);
}

export const env = readEnv();

/** Base URL for links the app hands out (QR images, the sandbox's webhook target). */
export function appUrl(): string {
  return (env.APP_URL ?? env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

const webhookSchema = z.object({
  /** Seconds to wait after each failed attempt; past the last one the event is marked failed. */
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .default("10,60,300,1800,7200,21600,43200,86400")
    .transform((v) => v.split(",").map((s) => Number(s.trim())))
    .pipe(z.array(z.number().nonnegative()).min(1)),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * How long a worker owns a claimed event. Renewed while a delivery runs; the worker refuses to
   * start unless it outlasts WEBHOOK_TIMEOUT_MS by 5 s, so a live delivery is never stolen.
   */
  WEBHOOK_CLAIM_SECONDS: z.coerce.number().positive().default(30),
  WEBHOOK_POLL_MS: z.coerce.number().int().positive().default(1000),
  WEBHOOK_BATCH_SIZE: z.coerce.number().int().positive().default(50),
  /** Deliveries one worker runs at once (each is a request in flight, not a database connection). */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().positive().default(50),
  /**
   * Deliveries in flight to one merchant's endpoint at once, across all workers (a dead endpoint holds
   * only these). One endpoint's throughput is about this many per round (claim, send, write), so 8
   * lets a busy merchant receive hundreds per second while a dead one holds 8 of every worker's 50.
   */
  WEBHOOK_CONCURRENCY_PER_ENDPOINT: z.coerce.number().int().positive().default(8),
  /** Finished deliveries wait at most this long for others, then all their outcomes are written in one transaction (0 = each at once). */
  WEBHOOK_WRITE_BATCH_MS: z.coerce.number().int().nonnegative().default(5),
  WEBHOOK_ROTATION_OVERLAP_HOURS: z.coerce.number().positive().default(24),
  /** Delivered and skipped events (and their attempts) are purged this many days after delivery. */
  OUTBOX_RETENTION_DAYS: z.coerce.number().positive().default(30),
  /** Events that failed every retry are kept longer, for the delivery log and Resend; a resent one counts as delivered. */
  OUTBOX_FAILED_RETENTION_DAYS: z.coerce.number().positive().default(90),
  /** How often the worker purges old outbox events and delivery attempts. */
  OUTBOX_PURGE_MINUTES: z.coerce.number().positive().default(60),
});

export const webhookEnv = webhookSchema.parse(process.env);

const treasurySchema = z.object({
  /** The scheduled balance check (besides the check after every debit). */
  BALANCE_CHECK_MINUTES: z.coerce.number().positive().default(15),
  AUTO_TOPUP_POLL_MS: z.coerce.number().int().positive().default(3000),
  SWEEP_POLL_MS: z.coerce.number().int().positive().default(60_000),
});

export const treasuryEnv = treasurySchema.parse(process.env);

const prepaidSchema = z.object({
  /** How long the sandbox supplier takes to settle an order (ms after it was placed). */
  PREPAID_SANDBOX_DELAY_MS: z.coerce.number().int().nonnegative().default(1500),
  /** How often the worker looks for due prepaid orders. */
  PREPAID_POLL_MS: z.coerce.number().int().positive().default(1000),
  /** Sell price of a product a pricelist refresh adds: the supplier's price plus this many rupiah. */
  PREPAID_DEFAULT_MARGIN: z.coerce.number().int().nonnegative().default(0),
  /** How often the worker refreshes the catalogue from the supplier's price list (a no-op for the sandbox). */
  PREPAID_PRICELIST_REFRESH_MINUTES: z.coerce.number().positive().default(60),
});

export const prepaidEnv = prepaidSchema.parse(process.env);

// IAK prepaid (PREPAID_SUPPLIER=iak): Saldo's upstream for pulsa, data, PLN and games.
const iakSchema = z.object({
  /** The phone number registered at IAK. */
  IAK_USERNAME: z.string().trim().default(""),
  IAK_API_KEY: z.string().trim().default(""),
  /** https://prepaid.iak.dev (development, the default) or https://prepaid.iak.id (production). */
  IAK_API_URL: z.string().url().default("https://prepaid.iak.dev"),
  IAK_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  /** Comma-separated addresses IAK's callbacks may come from; empty = any (the sign is still checked). */
  IAK_CALLBACK_IPS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)),
});

export const iakEnv = iakSchema.parse(process.env);

// Midtrans Core API (PAYMENT_PROVIDER=midtrans): VA, Mandiri bill and QRIS charges, their
// notifications (POST /api/webhooks/midtrans) and the status API.
const midtransSchema = z.object({
  /** The Core API server key ("SB-Mid-server-…" in the sandbox): HTTP Basic user, and the notification signature's secret. */
  MIDTRANS_SERVER_KEY: z.string().trim().default(""),
  /** https://api.sandbox.midtrans.com (the default) or https://api.midtrans.com (production); tests point it at a local fake. */
  MIDTRANS_API_URL: z
    .string()
    .url()
    .default("https://api.sandbox.midtrans.com")
    .transform((v) => v.replace(/\/+$/, "")),
  /** How long one Core API call may take before its outcome counts as unknown (then the status API is asked). */
  MIDTRANS_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
});

export const midtransEnv = midtransSchema.parse(process.env);

// Midtrans Payouts, formerly Iris (PAYOUT_PROVIDER=midtrans): withdrawals to banks and e-wallets.
// Creator and approver keys stay separate, as Midtrans intends; the merchant key only verifies
// notifications (Iris-Signature). docs/providers.md § 2.
const irisSchema = z.object({
  /** https://app.sandbox.midtrans.com/iris (the default) or https://app.midtrans.com/iris (production). */
  IRIS_API_URL: z.string().url().default("https://app.sandbox.midtrans.com/iris"),
  IRIS_CREATOR_KEY: z.string().trim().default(""),
  IRIS_APPROVER_KEY: z.string().trim().default(""),
  IRIS_MERCHANT_KEY: z.string().trim().default(""),
  /** How long one Payouts API call may take before its outcome counts as unknown. */
  IRIS_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  /**
   * JSON overrides of Saldo method → Iris `beneficiary_bank` code, e.g. {"dana":"dana"}; null
   * switches a method off. Only the documented codes are built in (dana and shopeepay are not).
   */
  IRIS_BANK_CODES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v?.trim()) return {};
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: 'IRIS_BANK_CODES must be JSON such as {"dana":"dana"}' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), z.string().trim().min(1).nullable())),
});

function parseIrisEnv() {
  const parsed = irisSchema.safeParse(process.env);
  if (parsed.success) return parsed.data;
  throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
}

export const irisEnv = parseIrisEnv();

// Payout reconciliation ("never guess, always ask"), whichever PAYOUT_PROVIDER sends them.
const payoutSchema = z.object({
  /** How often the worker looks for payouts in flight to ask their provider about. */
  PAYOUT_CHECK_POLL_MS: z.coerce.number().int().positive().default(15_000),
  /** A payout in flight (`sending`/`unknown`) is first asked about this long after it was sent. */
  PAYOUT_CHECK_AFTER_SECONDS: z.coerce.number().nonnegative().default(60),
});

export const payoutEnv = payoutSchema.parse(process.env);

// The request edge (server/http, proxy.ts): who the client is, how often it may call, how much it may send.
const edgeSchema = z.object({
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For. 0 (the default) = none:
   * the socket's peer is the client and X-Forwarded-For is ignored. With N, the client is the Nth
   * address from the right of X-Forwarded-For + the socket peer (the right-most one no trusted proxy wrote).
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(20).default(0),
  /** Requests per minute per API key (REST) or prepaid username, and per IP across the REST and prepaid APIs. */
  RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().positive().default(6000),
  /** Requests per minute per IP on the public pay page, QR images and live-status feed. */
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Failed API authentications (no/wrong key, wrong prepaid sign) per minute per IP; past it the IP is refused until the minute ends. */
  RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Sign-in counters (RateLimitBucket rows) are purged by the worker this many hours after their window ended. */
  RATE_LIMIT_RETENTION_HOURS: z.coerce.number().positive().default(24),
  /** Redis for the rate-limit counters, shared by every app process (e.g. redis://127.0.0.1:6379); unset = in memory, per process. */
  REDIS_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.string().regex(/^rediss?:\/\/\S+$/, "REDIS_URL must be a redis:// or rediss:// URL").optional()),
  /** Largest request body any route reads (REST, prepaid, webhooks, tRPC); larger → 413 before it is read. */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(65_536),
});

export const edgeEnv = edgeSchema.parse(process.env);

// Exactly-once requests: REST Idempotency-Key records (server/http/idempotency.ts).
const idempotencySchema = z.object({
  /** How long an Idempotency-Key's stored answer is replayed; the worker purges older records. */
  IDEMPOTENCY_RETENTION_HOURS: z.coerce.number().positive().default(24),
  /** How long a request holds its key while it runs; a claim left by a crashed process is taken over after this. */
  IDEMPOTENCY_CLAIM_SECONDS: z.coerce.number().positive().default(120),
  /** How often the worker purges expired idempotency records. */
  IDEMPOTENCY_PURGE_MINUTES: z.coerce.number().positive().default(60),
});

export const idempotencyEnv = idempotencySchema.parse(process.env);

// Bank-transfer tickets hold a unique code for an amount until paid or expired: cap how many one
// merchant may hold, so nobody can take every code of an amount (server/deposits/create-deposit.ts).
const ticketSchema = z.object({
  /** Open (unpaid, unexpired) bank-transfer tickets per merchant. */
  TICKET_MAX_OPEN_PER_MERCHANT: z.coerce.number().int().positive().default(50),
  /** Open bank-transfer tickets per merchant for one amount. */
  TICKET_MAX_OPEN_PER_AMOUNT: z.coerce.number().int().positive().default(5),
});

export const ticketEnv = ticketSchema.parse(process.env);

// The live payment status (server/live): one change feed per process for every open pay page.
const liveSchema = z.object({
  /** Live-status streams (open pay pages) one app process serves at once; past it the stream is answered 503 and the page polls. */
  LIVE_MAX_VIEWERS: z.coerce.number().int().positive().default(2000),
  /** SQLite only: how often the one poll per process reads every watched deposit (PostgreSQL uses LISTEN/NOTIFY). */
  LIVE_POLL_MS: z.coerce.number().int().positive().default(250),
  /** Heartbeat comment on every open stream, so proxies keep it open and a dead one is noticed. */
  LIVE_HEARTBEAT_MS: z.coerce.number().int().positive().default(15_000),
});

export const liveEnv = liveSchema.parse(process.env);

// Maker-checker (issue 15): withdrawals at or above this amount (whole rupiah) need two different
// admins; manual balance adjustments always do (server/withdrawals/approval-rule.ts).
const approvalSchema = z.object({
  APPROVAL_SECOND_ADMIN_ABOVE: z
    .string()
    .regex(/^\d{1,13}$/, "whole rupiah")
    .default("10000000")
    .transform((v) => BigInt(v)),
});

export const approvalEnv = approvalSchema.parse(process.env);

/** Outgoing mail (server/mail). */
const mailSchema = z.object({
  /** smtp://user:pass@host:587 or smtps://…; unset outside production = mail is kept for /dev/mailbox. Required in production. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Saldo <no-reply@saldo.test>"),
  MAIL_POLL_MS: z.coerce.number().int().positive().default(1000),
  /** Attempts before a mail is marked failed (retries after 1, 2, 4 … minutes). */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().positive().default(8),
  MAIL_RETRY_BASE_SECONDS: z.coerce.number().positive().default(60),
  /** Sent, kept and failed mail rows are purged this many days after they were written. */
  MAIL_RETENTION_DAYS: z.coerce.number().positive().default(30),
});
export const mailEnv = mailSchema.parse(process.env);
