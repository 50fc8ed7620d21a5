// Submits a batch payout (issue 15): the rows are validated again (validate-payout-batch.ts, the
// single withdrawal's rules), then ONE transaction reserves every row's amount + fee through the
// ledger's reserveMany (one guarded debit of the batch total, one hold per row, so each row is a
// normal withdrawal that approval, payout, callbacks and receipts treat unchanged) and creates the
// PayoutBatch with its withdrawals. All or nothing: a wallet that does not cover the total is not
// debited at all, and the caller hears the shortfall. Two batches racing against one balance queue
// on the wallet's row lock (SQLite: the write lock), so the second sees the first's reservation.
// Batch rows are never auto-approved: the batch waits for the desk as one item.
import { actorLabel, recordAudit, type Actor } from "../audit";
import { db, Prisma, transaction, type PayoutBatch } from "../db";
import { AppError, isAppError } from "../errors";
import { balanceOf, reserveMany } from "../ledger";
import type { PayoutProvider } from "../providers/types";
import { alertOnLowBalances } from "../treasury/low-balance";
import { newWithdrawalId } from "./request-withdrawal";
import { validatePayoutBatch, type PayoutBatchRowInput, type ValidatedRow } from "./validate-payout-batch";
import { formatRupiah } from "../../lib/format";

export type SubmitPayoutBatchInput = {
  merchantId: string;
  rows: PayoutBatchRowInput[];
  actor: Actor;
  fileName?: string;
  /** The merchant has seen the flagged duplicates and wants them paid anyway. */
  confirmDuplicates?: boolean;
  idempotencyKey?: string;
  payouts?: PayoutProvider;
};

export type SubmitPayoutBatchResult = { batch: PayoutBatch; newBalance: bigint; replayed: boolean };

/** Rows with errors, or unconfirmed duplicates: the per-row list travels in `details.rows`. */
function rowProblems(rows: ValidatedRow[], confirmDuplicates: boolean) {
  return rows
    .filter((r) => r.errors.length > 0 || (!confirmDuplicates && (r.duplicateOfRow !== null || r.duplicateRecentId !== null)))
    .map((r) => ({
      row: r.row,
      errors: r.errors,
      duplicateOfRow: r.duplicateOfRow,
      duplicateRecentId: r.duplicateRecentId,
    }));
}

// 10,000 rows are 10,000 holds and withdrawals written in one transaction: room on a busy machine.
const SUBMIT_TRANSACTION = { timeout: 5 * 60_000, maxWait: 60_000 };

export async function submitPayoutBatch(input: SubmitPayoutBatchInput): Promise<SubmitPayoutBatchResult> {
  if (input.idempotencyKey) {
    const existing = await db.payoutBatch.findUnique({ where: { merchantId_idempotencyKey: { merchantId: input.merchantId, idempotencyKey: input.idempotencyKey } } });
    if (existing) return { batch: existing, newBalance: (await balanceOf(db, input.merchantId)).available, replayed: true };
  }
  const validation = await validatePayoutBatch({ merchantId: input.merchantId, rows: input.rows, payouts: input.payouts });
  const problems = rowProblems(validation.rows, input.confirmDuplicates ?? false);
  if (problems.length > 0) {
    const errors = problems.filter((p) => p.errors.length > 0).length;
    throw new AppError(
      "VALIDATION",
      errors > 0
        ? `${errors} baris tidak valid; perbaiki lalu kirim lagi / ${errors} rows are invalid; fix them and submit again`
        : `${problems.length} baris duplikat perlu dikonfirmasi / ${problems.length} duplicate rows need confirming`,
      { rows: problems, reason: errors > 0 ? "INVALID_ROWS" : "UNCONFIRMED_DUPLICATES" },
    );
  }
  const rows = validation.rows.map((r) => r.value!);
  const batchId = `b${newWithdrawalId()}`;
  const createdBy = actorLabel(input.actor);

  try {
    return await transaction(
      async (tx) => {
        const merchant = await tx.merchant.findUnique({ where: { id: input.merchantId }, select: { status: true } });
        if (!merchant) throw new AppError("NOT_FOUND", "Merchant tidak ditemukan / Merchant not found");
        if (merchant.status !== "ACTIVE") throw new AppError("FORBIDDEN", "Merchant ditangguhkan / Merchant is suspended");
        if (input.idempotencyKey) {
          // A twin with the same key that committed first: the unique index makes the insert below
          // fail, `transaction` retries, and the retry lands here.
          const existing = await tx.payoutBatch.findUnique({ where: { merchantId_idempotencyKey: { merchantId: input.merchantId, idempotencyKey: input.idempotencyKey } } });
          if (existing) return { batch: existing, newBalance: (await balanceOf(tx, input.merchantId)).available, replayed: true };
        }
        const batch = await tx.payoutBatch.create({
          data: {
            id: batchId,
            merchantId: input.merchantId,
            fileName: input.fileName?.slice(0, 200) || null,
            rowCount: rows.length,
            totalAmount: validation.totalAmount,
            totalFee: validation.totalFee,
            createdBy,
            idempotencyKey: input.idempotencyKey,
          },
        });
        // Ids keep the file's order (same second prefix; the row number orders within the batch).
        const now = new Date();
        const ids = rows.map(() => newWithdrawalId(now));
        // One guarded debit of the batch total: every row's hold, or none (INSUFFICIENT_FUNDS).
        const { holds, changedWallets } = await reserveMany(tx, {
          merchantId: input.merchantId,
          idempotencyKey: batchId,
          reference: batchId,
          description: `Penarikan batch ${batchId} (${rows.length} baris)`,
          actor: createdBy,
          holds: rows.map((row, index) => ({ idempotencyKey: `withdraw:${ids[index]}`, amount: row.totalDeduct, reference: ids[index] })),
        });
        const withdrawals = rows.map((row, index) => ({
          id: ids[index]!,
          merchantId: input.merchantId,
          amount: row.amount,
          fee: row.fee,
          totalDeduct: row.totalDeduct,
          method: row.method,
          accountNumber: row.accountNumber,
          accountName: row.accountName,
          holdId: holds[index]!.id,
          batchId,
          batchRow: index + 1,
          note: row.note,
          reference: row.reference,
        }));
        await alertOnLowBalances(tx, changedWallets);
        // Multi-row INSERTs (Prisma's createMany costs seconds per thousand rows here).
        for (let i = 0; i < withdrawals.length; i += 400) {
          const values = withdrawals.slice(i, i + 400).map(
            (w) =>
              Prisma.sql`(${w.id}, ${w.merchantId}, ${w.amount}, ${w.fee}, ${w.totalDeduct}, ${w.method}, ${w.accountNumber}, ${w.accountName}, 'pending', ${w.holdId}, ${w.batchId}, ${w.batchRow}, ${w.note}, ${w.reference}, ${now}, ${now})`,
          );
          await tx.$executeRaw`INSERT INTO "Withdrawal" ("id", "merchantId", "amount", "fee", "totalDeduct", "method", "accountNumber", "accountName", "status", "holdId", "batchId", "batchRow", "note", "reference", "createdAt", "updatedAt") VALUES ${Prisma.join(values)}`;
        }
        await recordAudit(tx, {
          actor: input.actor,
          action: "withdraw.batch_submit",
          targetType: "payout_batch",
          targetId: batchId,
          merchantId: input.merchantId,
          metadata: { rows: rows.length, totalAmount: validation.totalAmount, totalFee: validation.totalFee },
        });
        return { batch, newBalance: (await balanceOf(tx, input.merchantId)).available, replayed: false };
      },
      db,
      SUBMIT_TRANSACTION,
    );
  } catch (error) {
    if (isAppError(error) && error.code === "INSUFFICIENT_FUNDS") {
      // Nothing was reserved (the transaction rolled back); say how much is missing as of now.
      const { available } = await balanceOf(db, input.merchantId);
      const shortfall = validation.totalDeduct > available ? validation.totalDeduct - available : 0n;
      throw new AppError(
        "INSUFFICIENT_FUNDS",
        `Saldo tidak cukup: perlu ${formatRupiah(validation.totalDeduct)}, tersedia ${formatRupiah(available)}, kurang ${formatRupiah(shortfall)} / Insufficient balance: ${formatRupiah(validation.totalDeduct)} needed, ${formatRupiah(available)} available, ${formatRupiah(shortfall)} short`,
        { required: validation.totalDeduct.toString(), available: available.toString(), shortfall: shortfall.toString() },
      );
    }
    throw error;
  }
}
