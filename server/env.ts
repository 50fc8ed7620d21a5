// Validated configuration. Everything the server reads from the environment goes through here.
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().default("file:./data/saldo.db"),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(11),
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
