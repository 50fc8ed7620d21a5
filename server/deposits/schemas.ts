// REST input for deposits. Amounts arrive as JSON numbers or query strings and leave as BigInt;
// fractions, text, zero and negatives are refused here with a message the caller can act on.
import { z } from "zod";
import "zod-openapi";
import { DEPOSIT_ID_CHARACTERS, EXAMPLE_DEPOSIT_ID } from "./deposit-id";
import { METHOD_CODES } from "./methods";

const AMOUNT_MESSAGE = "amount harus bilangan bulat rupiah lebih dari 0 / amount must be a whole rupiah number above 0";

export const rupiahAmount = z
  .unknown()
  .meta({ override: { anyOf: [{ type: "integer", minimum: 1 }, { type: "string", pattern: "^\\d{1,13}$" }] }, description: "Whole rupiah above 0, as a number or a digit string", example: 10000 })
  .transform((value, ctx): bigint => {
  const text = typeof value === "number" ? (Number.isSafeInteger(value) ? String(value) : "") : typeof value === "string" ? value.trim() : "";
  if (value === undefined || value === null || value === "") {
    ctx.addIssue({ code: "custom", message: "amount wajib diisi / amount is required" });
    return z.NEVER;
  }
  if (!/^\d{1,13}$/.test(text) || BigInt(text) <= 0n) {
    ctx.addIssue({ code: "custom", message: AMOUNT_MESSAGE });
    return z.NEVER;
  }
  return BigInt(text);
});

// New ids are `inv_` + 26 base32 characters (30); deposits from before that have 25-character cuids.
export const depositId = z
  .string()
  .trim()
  .min(1, "id wajib diisi / id is required")
  .max(64)
  .regex(DEPOSIT_ID_CHARACTERS, "id tidak valid / invalid id")
  .meta({ description: "The deposit's id: `inv_` and 26 base32 characters (older deposits: a 25-character id)", example: EXAMPLE_DEPOSIT_ID });

export const ticketInput = z.object({ amount: rupiahAmount });
export const gatewayInput = z.object({
  amount: rupiahAmount,
  method: z.enum(METHOD_CODES.filter((m) => m !== "BANK_TRANSFER") as [string, ...string[]], {
    message: "method harus salah satu dari VA_BNI, VA_BRI, VA_MANDIRI, VA_PERMATA, QRIS / method must be one of VA_BNI, VA_BRI, VA_MANDIRI, VA_PERMATA, QRIS",
  }),
});
export const invoiceCreateInput = z.object({ amount: rupiahAmount });
export const invoiceIdInput = z.object({ invoice_id: depositId });
