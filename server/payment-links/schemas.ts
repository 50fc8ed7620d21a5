// Input for payment links, REST (snake_case, as API.md names fields) and portal alike. Amounts
// arrive as JSON numbers or digit strings and leave as BigInt; the use case checks the rules
// between fields (fixed xor range, min ≤ max, payable by some method, expiry ahead).
import { z } from "zod";
import "zod-openapi";
import { EXAMPLE_PAYMENT_LINK_ID } from "./link-id";

export const DESCRIPTION_MAX = 200;

/** An optional whole-rupiah amount named `field` in its messages. */
const optionalRupiah = (field: string, description: string, example: number) =>
  z
    .unknown()
    .meta({ override: { anyOf: [{ type: "integer", minimum: 1 }, { type: "string", pattern: "^\\d{1,13}$" }] }, description, example })
    .optional()
    .transform((value, ctx): bigint | undefined => {
      if (value === undefined || value === null) return undefined;
      const text = typeof value === "number" ? (Number.isSafeInteger(value) ? String(value) : "") : typeof value === "string" ? value.trim() : "";
      if (!/^\d{1,13}$/.test(text) || BigInt(text) <= 0n) {
        ctx.addIssue({ code: "custom", message: `${field} harus bilangan bulat rupiah lebih dari 0 / ${field} must be a whole rupiah number above 0` });
        return z.NEVER;
      }
      return BigInt(text);
    });

export const paymentLinkCreateInput = z.object({
  amount: optionalRupiah("amount", "A fixed amount; leave out for an open amount with min_amount and max_amount", 150000),
  min_amount: optionalRupiah("min_amount", "Open amount: the least the payer may pay", 10000),
  max_amount: optionalRupiah("max_amount", "Open amount: the most the payer may pay", 1000000),
  description: z
    .string({ message: "description wajib diisi / description is required" })
    .trim()
    .min(1, "description wajib diisi / description is required")
    .max(DESCRIPTION_MAX, `description paling panjang ${DESCRIPTION_MAX} karakter / description is at most ${DESCRIPTION_MAX} characters`)
    .meta({ description: "What the payer pays for; shown on the link's page", example: "Kaos Saldo, ukuran L" }),
  expires_at: z.iso
    .datetime({ offset: true, message: "expires_at harus waktu ISO 8601, mis. 2026-12-31T23:59:00+07:00 / expires_at must be an ISO 8601 time, e.g. 2026-12-31T23:59:00+07:00" })
    .nullable()
    .optional()
    .meta({ description: "When the link stops taking payments (ISO 8601 with an offset); none = never", example: "2026-12-31T23:59:00+07:00" }),
  single_use: z
    .boolean({ message: "single_use harus true atau false / single_use must be true or false" })
    .optional()
    .meta({ description: "true: the link takes one paid payment, then shows it is paid. Default false", example: false }),
});

export const paymentLinkId = z
  .string()
  .trim()
  .min(1, "id wajib diisi / id is required")
  .max(64)
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "id tidak valid / invalid id")
  .meta({ description: "The link's id: `pl_` and 26 base32 characters", example: EXAMPLE_PAYMENT_LINK_ID });
