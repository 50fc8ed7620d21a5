// Validated configuration. Everything the server reads from the environment goes through here.
import { z } from "zod";

const flag = z
  .string()
  .optional()
  .transform((v) => v === "1" || v === "true");

const schema = z.object({
  DATABASE_URL: z.string().default("file:./data/saldo.db"),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(11),

  /** The portal's own public URL: QR image links and the sandbox's webhook target. */
  APP_URL: z.string().url().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** Sandbox mode: the sandbox provider, simulate-payment endpoint and button. */
  SANDBOX: flag,
  SANDBOX_WEBHOOK_SECRET: z.string().min(16).default("sandbox-webhook-secret-change-me"),
  BANK_MUTATION_SECRET: z.string().min(16).default("bank-mutation-secret-change-me"),

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

export type Env = z.infer<typeof schema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
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
  /** How long a worker owns a claimed event; longer than the timeout, so a live delivery is never stolen. */
  WEBHOOK_CLAIM_SECONDS: z.coerce.number().positive().default(30),
  WEBHOOK_POLL_MS: z.coerce.number().int().positive().default(1000),
  WEBHOOK_BATCH_SIZE: z.coerce.number().int().positive().default(50),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().positive().default(10),
  WEBHOOK_ROTATION_OVERLAP_HOURS: z.coerce.number().positive().default(24),
});

export const webhookEnv = webhookSchema.parse(process.env);

const treasurySchema = z.object({
  /** The scheduled balance check (besides the check after every debit). */
  BALANCE_CHECK_MINUTES: z.coerce.number().positive().default(15),
  AUTO_TOPUP_POLL_MS: z.coerce.number().int().positive().default(3000),
  SWEEP_POLL_MS: z.coerce.number().int().positive().default(60_000),
});

export const treasuryEnv = treasurySchema.parse(process.env);
