// Checks every row of a batch payout file before anything is reserved (issue 15). Each row gets
// the single withdrawal's rules (methods.ts, available-methods.ts: method, limits, fee, account
// format, holder name) and its own list of errors, so the page can show them beside the row and
// the merchant can fix them in place. Duplicates — the same method + account + amount twice in the
// file, or as a withdrawal of the merchant in the last 24 hours — are flagged, not refused: the
// merchant confirms them. Used by the page (tRPC), the REST route and submit-payout-batch.ts.
import { z } from "zod";
import { db, type Db, type Tx } from "../db";
import { AppError, isAppError } from "../errors";
import type { PayoutProvider } from "../providers/types";
import { checkMethodAvailable } from "./available-methods";
import { checkAccountName, checkAccountNumber, quoteWithdrawal, withdrawMethod } from "./methods";

export const BATCH_MAX_ROWS = 10_000;
export const BATCH_NOTE_MAX = 140;
export const BATCH_REFERENCE_MAX = 64;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A row as the file gave it: every cell text (numbers are accepted and read as text). */
const cell = z
  .union([z.string(), z.number(), z.null(), z.undefined()])
  .transform((value) => (value === null || value === undefined ? "" : String(value)));

export const payoutBatchRowInput = z.object({
  amount: cell.optional(),
  method: cell.optional(),
  accountNumber: cell.optional(),
  accountName: cell.optional(),
  note: cell.optional(),
  reference: cell.optional(),
});
export type PayoutBatchRowInput = z.input<typeof payoutBatchRowInput>;
type ParsedRow = { amount: string; method: string; accountNumber: string; accountName: string; note?: string; reference?: string };

export const payoutBatchRowsInput = z
  .array(payoutBatchRowInput)
  .min(1, "File tidak berisi baris / The file has no rows")
  .max(BATCH_MAX_ROWS, `Maksimal ${BATCH_MAX_ROWS.toLocaleString("id-ID")} baris per batch / At most ${BATCH_MAX_ROWS.toLocaleString("en-US")} rows per batch`);

export type ValidRow = {
  amount: bigint;
  fee: bigint;
  totalDeduct: bigint;
  method: string;
  accountNumber: string;
  accountName: string;
  note: string | null;
  reference: string | null;
};

export type ValidatedRow = {
  /** 1-based position in the file. */
  row: number;
  errors: string[];
  /** Rows earlier in the file with the same method + account + amount. */
  duplicateOfRow: number | null;
  /** The id of a withdrawal of the last 24 h with the same method + account + amount. */
  duplicateRecentId: string | null;
  value: ValidRow | null;
};

export type PayoutBatchValidation = {
  rows: ValidatedRow[];
  validCount: number;
  errorCount: number;
  duplicateCount: number;
  totalAmount: bigint;
  totalFee: bigint;
  totalDeduct: bigint;
};

export type ValidatePayoutBatchInput = {
  merchantId: string;
  rows: PayoutBatchRowInput[];
  payouts?: PayoutProvider;
  now?: Date;
};

/** "100000", "100.000", "Rp 100.000" → 100000n; anything else (fractions, signs, text) → null. */
export function parseRupiahCell(raw: string): bigint | null {
  const text = raw.replace(/^\s*rp\.?\s*/i, "").replace(/\s+/g, "");
  if (/^\d{1,13}$/.test(text)) return BigInt(text);
  if (/^\d{1,3}(\.\d{3}){1,4}$/.test(text)) return BigInt(text.replace(/\./g, ""));
  return null;
}

function messageOf(error: unknown): string {
  if (isAppError(error)) return error.message;
  throw error;
}

function checkRow(raw: ParsedRow, payouts: PayoutProvider | undefined): { errors: string[]; value: ValidRow | null } {
  const errors: string[] = [];
  let method: ReturnType<typeof withdrawMethod> | null = null;
  try {
    if (!raw.method.trim()) throw new AppError("VALIDATION", "method wajib diisi / method is required");
    method = withdrawMethod(raw.method);
    checkMethodAvailable(method, payouts);
  } catch (error) {
    errors.push(messageOf(error));
    method = null;
  }
  const amount = parseRupiahCell(raw.amount);
  let fee = 0n;
  if (amount === null || amount <= 0n) {
    errors.push(raw.amount.trim() ? "amount harus bilangan bulat rupiah / amount must be a whole rupiah number" : "amount wajib diisi / amount is required");
  } else if (method) {
    try {
      fee = quoteWithdrawal(method, amount).fee;
    } catch (error) {
      errors.push(messageOf(error));
    }
  }
  let accountNumber = "";
  if (method) {
    try {
      accountNumber = checkAccountNumber(method, raw.accountNumber);
    } catch (error) {
      errors.push(messageOf(error));
    }
  }
  let accountName = "";
  try {
    accountName = checkAccountName(raw.accountName);
  } catch (error) {
    errors.push(messageOf(error));
  }
  const note = (raw.note ?? "").trim();
  if (note.length > BATCH_NOTE_MAX) errors.push(`note maksimal ${BATCH_NOTE_MAX} karakter / note is at most ${BATCH_NOTE_MAX} characters`);
  const reference = (raw.reference ?? "").trim();
  if (reference.length > BATCH_REFERENCE_MAX) errors.push(`reference maksimal ${BATCH_REFERENCE_MAX} karakter / reference is at most ${BATCH_REFERENCE_MAX} characters`);
  if (/[\u0000-\u001f\u007f]/.test(note + reference)) errors.push("note/reference berisi karakter kontrol / note/reference contains control characters");
  if (errors.length > 0 || !method || amount === null) return { errors, value: null };
  return {
    errors,
    value: { amount, fee, totalDeduct: amount + fee, method: method.code, accountNumber, accountName, note: note || null, reference: reference || null },
  };
}

const duplicateKey = (v: { method: string; accountNumber: string; amount: bigint }) => `${v.method}\u0000${v.accountNumber}\u0000${v.amount}`;

export async function validatePayoutBatch(input: ValidatePayoutBatchInput, reader: Db | Tx = db): Promise<PayoutBatchValidation> {
  const parsed = payoutBatchRowsInput.safeParse(input.rows);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "Baris tidak valid / Invalid rows");
  const now = input.now ?? new Date();

  // The merchant's withdrawals of the last 24 h, read once: a set lookup per row, not a query.
  const recent = await reader.withdrawal.findMany({
    where: { merchantId: input.merchantId, createdAt: { gte: new Date(now.getTime() - DAY_MS) }, status: { not: "rejected" } },
    select: { id: true, method: true, accountNumber: true, amount: true },
  });
  const recentByKey = new Map(recent.map((w) => [duplicateKey(w), w.id]));

  const firstRowByKey = new Map<string, number>();
  const rows: ValidatedRow[] = [];
  let totalAmount = 0n;
  let totalFee = 0n;
  let errorCount = 0;
  let duplicateCount = 0;
  parsed.data.forEach((raw, index) => {
    const row = index + 1;
    const { errors, value } = checkRow({ amount: raw.amount ?? "", method: raw.method ?? "", accountNumber: raw.accountNumber ?? "", accountName: raw.accountName ?? "", note: raw.note, reference: raw.reference }, input.payouts);
    let duplicateOfRow: number | null = null;
    let duplicateRecentId: string | null = null;
    if (value) {
      const key = duplicateKey(value);
      duplicateOfRow = firstRowByKey.get(key) ?? null;
      if (duplicateOfRow === null) firstRowByKey.set(key, row);
      duplicateRecentId = recentByKey.get(key) ?? null;
      totalAmount += value.amount;
      totalFee += value.fee;
    } else {
      errorCount++;
    }
    if (duplicateOfRow !== null || duplicateRecentId !== null) duplicateCount++;
    rows.push({ row, errors, duplicateOfRow, duplicateRecentId, value });
  });
  return { rows, validCount: rows.length - errorCount, errorCount, duplicateCount, totalAmount, totalFee, totalDeduct: totalAmount + totalFee };
}
