// Schemas shared by every documented operation: the error envelope, amounts, WIB timestamps.
import { z } from "zod";
import "zod-openapi";
import type { ErrorStatus } from "./operation";

export const ErrorEnvelope = z
  .object({
    success: z.literal(false),
    error: z.string().meta({ description: "A message safe to show (Indonesian / English)", example: "amount harus bilangan bulat rupiah lebih dari 0 / amount must be a whole rupiah number above 0" }),
    code: z.enum(["VALIDATION", "INSUFFICIENT_FUNDS", "INVALID_STATE", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "RATE_LIMITED", "PAYLOAD_TOO_LARGE", "INTERNAL"]),
  })
  .meta({ id: "ErrorEnvelope", description: "Every REST failure has this shape, with a fitting 4xx status." });

export const Rupiah = z.number().int().min(0).max(1_000_000_000_000).meta({ description: "Whole rupiah", example: 10000 });
export const WibTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
  .meta({ description: "WIB (UTC+7) local time, as seed 003 shows", example: "2025-01-01 12:00:00" });
export const IsoTime = z.string().datetime({ offset: true }).meta({ description: "ISO 8601, UTC", example: "2025-01-15T10:30:00.000Z" });

/** What a documented request parameter accepts: positive whole rupiah, sent as a number or a digit string. */
export const AmountParam = z
  .union([z.number().int().positive(), z.string().regex(/^\d{1,13}$/)])
  .meta({ description: "Whole rupiah above 0 (no decimals)", example: 10000 });

export const errorResponses = (...statuses: ErrorStatus[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: { 400: "Bad input", 401: "Missing or wrong API key", 403: "Key not allowed from this IP, wrong key mode (sk_live_ while the sandbox serves, sk_test_ otherwise), or merchant suspended", 404: "Not found (or another merchant's)", 409: "Conflict (Idempotency-Key reuse, state)", 429: "Too many requests" }[status],
        content: { "application/json": { schema: ErrorEnvelope } },
      },
    ]),
  );
