// REST input for withdrawals (seed 003). Field types are checked here; the rules of money
// (method, limits, account format) live in the use case so every caller gets them.
//
// History paging: `page` ≥ 1 (default 1), `limit` 1–100 (default 10); `page=0`, `limit=0` or
// `limit` > 100 are refused with 400 rather than silently changed, so a client never reads a
// page it did not ask for. A page past the end is an empty `data` with the true `pagination`.
import { z } from "zod";
import { rupiahAmount } from "../deposits/schemas";
import { WITHDRAW_STATUSES } from "./find-withdrawals";
import { WITHDRAW_METHOD_CODES } from "./methods";

export const HISTORY_MAX_LIMIT = 100;
export const HISTORY_DEFAULT_LIMIT = 10;

const methodList = WITHDRAW_METHOD_CODES.join(", ");

const requiredText = (field: string, max: number) =>
  z
    .unknown()
    .optional()
    .transform((value, ctx): string => {
      const text = typeof value === "string" ? value.trim() : typeof value === "number" && Number.isSafeInteger(value) ? String(value) : "";
      if (!text) {
        ctx.addIssue({ code: "custom", message: `${field} wajib diisi / ${field} is required` });
        return z.NEVER;
      }
      if (text.length > max) {
        ctx.addIssue({ code: "custom", message: `${field} terlalu panjang / ${field} is too long` });
        return z.NEVER;
      }
      return text;
    });

export const withdrawRequestInput = z.object({
  // `.optional()` first: a missing field reaches the check and gets its own message.
  amount: z.unknown().optional().pipe(rupiahAmount).meta({ override: { anyOf: [{ type: "integer", minimum: 1 }, { type: "string", pattern: "^\\d{1,13}$" }] }, description: "Whole rupiah, Rp 10.000 – Rp 50.000.000", example: 100000 }),
  accountNumber: requiredText("accountNumber", 32).meta({ override: { type: "string" }, description: "E-wallet: mobile number 08…/628…; bank: account number", example: "081234567890" }),
  accountName: requiredText("accountName", 200).meta({ override: { type: "string" }, description: "Account holder name, 2–100 characters", example: "John Doe" }),
  method: z
    .unknown()
    .optional()
    .transform((value, ctx): string => {
      if (value === undefined || value === null || value === "") return "dana";
      const code = typeof value === "string" ? value.trim().toLowerCase() : "";
      if (!(WITHDRAW_METHOD_CODES as readonly string[]).includes(code)) {
        ctx.addIssue({ code: "custom", message: `method harus salah satu dari ${methodList} / method must be one of ${methodList}` });
        return z.NEVER;
      }
      return code;
    })
    .meta({ override: { type: "string", enum: [...WITHDRAW_METHOD_CODES] }, description: "Default dana", example: "dana" }),
});

export const withdrawIdInput = z.object({
  withdraw_id: z.string({ message: "withdraw_id wajib diisi / withdraw_id is required" }).trim().min(1, "withdraw_id wajib diisi / withdraw_id is required").max(64).meta({ example: "{{withdrawId}}" }),
});

const positiveInt = (field: string, { min, max, fallback }: { min: number; max: number; fallback: number }) =>
  z.unknown().optional().transform((value, ctx): number => {
    if (value === undefined || value === null || value === "") return fallback;
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
    const n = /^\d{1,7}$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: "custom", message: `${field} harus bilangan bulat ${min}–${max} / ${field} must be a whole number from ${min} to ${max}` });
      return z.NEVER;
    }
    return n;
  });

export const withdrawHistoryInput = z.object({
  page: positiveInt("page", { min: 1, max: 1_000_000, fallback: 1 }).meta({ override: { type: "string", pattern: "^\\d+$" }, description: "≥ 1, default 1", example: "1" }),
  limit: positiveInt("limit", { min: 1, max: HISTORY_MAX_LIMIT, fallback: HISTORY_DEFAULT_LIMIT }).meta({ override: { type: "string", pattern: "^\\d+$" }, description: "1–100, default 10", example: "10" }),
  status: z.unknown().optional().transform((value, ctx): (typeof WITHDRAW_STATUSES)[number] | undefined => {
    if (value === undefined || value === null || value === "") return undefined;
    const found = WITHDRAW_STATUSES.find((s) => s === value);
    if (!found) {
      const list = WITHDRAW_STATUSES.join(", ");
      ctx.addIssue({ code: "custom", message: `status harus salah satu dari ${list} / status must be one of ${list}` });
      return z.NEVER;
    }
    return found;
  }).meta({ override: { type: "string", enum: ["pending", "success", "rejected"] }, description: "Filter by status" }),
});
