// REST input for batch payouts (issue 15): the rows as JSON (the template's columns, camelCase as
// the single withdrawal's request), and the batch status query. Rules live in the use cases.
import { z } from "zod";
import { BATCH_MAX_ROWS } from "./validate-payout-batch";

const cellText = z.union([z.string(), z.number()]).optional();

export const batchRowRequest = z.object({
  amount: cellText.meta({ description: "Whole rupiah, Rp 10.000 – Rp 50.000.000", example: 100000 }),
  method: cellText.meta({ description: "dana, ovo, gopay, shopeepay, bca, bni, bri, mandiri", example: "dana" }),
  accountNumber: cellText.meta({ description: "E-wallet: mobile number 08…/628…; bank: account number", example: "081234567890" }),
  accountName: cellText.meta({ description: "Account holder name, 2–100 characters", example: "John Doe" }),
  note: cellText.meta({ description: "Optional, up to 140 characters", example: "Komisi Januari" }),
  reference: cellText.meta({ description: "Optional, your own reference, up to 64 characters", example: "INV-001" }),
});

export const batchRequestInput = z.object({
  rows: z
    .array(batchRowRequest, { message: "rows wajib berupa array / rows must be an array" })
    .min(1, "rows wajib diisi / rows is required")
    .max(BATCH_MAX_ROWS, `Maksimal ${BATCH_MAX_ROWS} baris per batch / At most ${BATCH_MAX_ROWS} rows per batch`)
    .meta({ description: `1–${BATCH_MAX_ROWS} rows; every row is validated before anything is reserved` }),
  confirmDuplicates: z.boolean().optional().meta({ description: "Pay rows flagged as duplicates (same method + account + amount in the file or in the last 24 h). Default false: such rows are refused with their row numbers." }),
  fileName: z.string().max(200).optional().meta({ description: "Shown in the portal", example: "payouts-januari.csv" }),
});

const pageNumber = (field: string, max: number, fallback: number) =>
  z.unknown().optional().transform((value, ctx): number => {
    if (value === undefined || value === null || value === "") return fallback;
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
    const n = /^\d{1,7}$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > max) {
      ctx.addIssue({ code: "custom", message: `${field} harus bilangan bulat 1–${max} / ${field} must be a whole number from 1 to ${max}` });
      return z.NEVER;
    }
    return n;
  });

export const batchIdInput = z.object({ id: z.string().trim().min(1).max(64).meta({ example: "{{batchId}}" }) });
export const batchStatusQuery = z.object({
  page: pageNumber("page", 100_000, 1).meta({ override: { type: "string", pattern: "^\\d+$" }, description: "Rows page, ≥ 1, default 1", example: "1" }),
  limit: pageNumber("limit", 100, 100).meta({ override: { type: "string", pattern: "^\\d+$" }, description: "Rows per page, 1–100, default 100", example: "100" }),
});
