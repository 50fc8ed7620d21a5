// The prepaid domain's own settings, read once from the environment and validated.
import { z } from "zod";

const schema = z.object({
  /** How long the sandbox supplier takes to settle an order (ms after it was placed). */
  PREPAID_SANDBOX_DELAY_MS: z.coerce.number().int().nonnegative().default(1500),
  /** How often the worker looks for due prepaid orders. */
  PREPAID_POLL_MS: z.coerce.number().int().positive().default(1000),
});

export const prepaidEnv = schema.parse(process.env);
