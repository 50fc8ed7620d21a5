// How a batch payout looks to the REST API: snake_case, amounts as JSON integers, ISO times.
import type { PayoutBatch, Withdrawal } from "../db";
import type { PayoutBatchProgress } from "./get-payout-batch";
import { withdrawView } from "./views";

export function payoutBatchView(batch: PayoutBatch, progress: PayoutBatchProgress) {
  return {
    batch_id: batch.id,
    row_count: batch.rowCount,
    total_amount: Number(batch.totalAmount),
    total_fee: Number(batch.totalFee),
    total_deduct: Number(batch.totalAmount + batch.totalFee),
    status: batch.completedAt ? ("completed" as const) : progress.pending > 0 ? ("pending" as const) : ("processing" as const),
    progress: { pending: progress.pending, processing: progress.processing, success: progress.success, rejected: progress.rejected, decided: progress.decided, total: progress.total },
    created_at: batch.createdAt.toISOString(),
    completed_at: batch.completedAt ? batch.completedAt.toISOString() : null,
  };
}

export function payoutBatchRowView(w: Withdrawal) {
  return { row: w.batchRow ?? 0, ...withdrawView(w), note: w.note, reference: w.reference };
}
