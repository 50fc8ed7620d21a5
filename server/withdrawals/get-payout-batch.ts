// One batch payout with its progress (rows by status: pending, in payout, success, rejected) and a
// page of its rows in file order. A merchant asking for another merchant's batch hears "not found";
// the desk (no merchantId) sees every batch. Reading a batch whose rows are all settled marks it
// completed once (complete-payout-batch.ts), which also tells the merchant its report is final.
import { z } from "zod";
import { db, type Withdrawal } from "../db";
import { AppError } from "../errors";
import { pageInput, pageResult, pageSkip } from "../../lib/pagination";
import { completePayoutBatchIfDone } from "./complete-payout-batch";
import { PAYOUT_IN_PROGRESS } from "./views";

export const payoutBatchNotFound = () => new AppError("NOT_FOUND", "Batch tidak ditemukan / Batch not found");

export const ROW_FILTERS = ["all", "pending", "processing", "success", "rejected"] as const;
export const getPayoutBatchInput = pageInput.extend({ batchId: z.string().trim().min(1).max(64), status: z.enum(ROW_FILTERS).default("all") });

export type PayoutBatchProgress = { pending: number; processing: number; success: number; rejected: number; decided: number; settled: number; total: number };

/** Rows per status of each batch, in one grouped query. */
export async function progressOf(batchIds: string[]): Promise<Map<string, PayoutBatchProgress>> {
  const groups = batchIds.length ? await db.withdrawal.groupBy({ by: ["batchId", "status"], where: { batchId: { in: batchIds } }, _count: { _all: true } }) : [];
  const out = new Map<string, PayoutBatchProgress>(batchIds.map((id) => [id, { pending: 0, processing: 0, success: 0, rejected: 0, decided: 0, settled: 0, total: 0 }]));
  for (const g of groups) {
    const p = out.get(g.batchId!)!;
    const n = g._count._all;
    if (g.status === "pending") p.pending += n;
    else if ((PAYOUT_IN_PROGRESS as readonly string[]).includes(g.status)) p.processing += n;
    else if (g.status === "success") p.success += n;
    else if (g.status === "rejected") p.rejected += n;
    p.total += n;
  }
  for (const p of out.values()) {
    p.decided = p.total - p.pending;
    p.settled = p.success + p.rejected;
  }
  return out;
}

function rowWhere(batchId: string, status: (typeof ROW_FILTERS)[number]) {
  if (status === "all") return { batchId };
  if (status === "processing") return { batchId, status: { in: [...PAYOUT_IN_PROGRESS] } };
  return { batchId, status };
}

export async function getPayoutBatch(raw: z.input<typeof getPayoutBatchInput> & { merchantId?: string }) {
  const input = getPayoutBatchInput.parse(raw);
  const batch = await db.payoutBatch.findUnique({ where: { id: input.batchId }, include: { merchant: { select: { id: true, businessName: true } } } });
  if (!batch || (raw.merchantId !== undefined && batch.merchantId !== raw.merchantId)) throw payoutBatchNotFound();
  const where = rowWhere(batch.id, input.status);
  const [progress, total, rows] = await Promise.all([
    progressOf([batch.id]).then((m) => m.get(batch.id)!),
    db.withdrawal.count({ where }),
    db.withdrawal.findMany({ where, orderBy: { batchRow: "asc" }, skip: pageSkip(input), take: input.pageSize }),
  ]);
  const completedAt = batch.completedAt ?? (progress.settled === progress.total ? await completePayoutBatchIfDone(batch.id) : null);
  return { batch: { ...batch, completedAt }, progress, rows: pageResult<Withdrawal>(rows, total, input) };
}
