// The desk decides a batch: approve or reject its pending rows, all of them (a page calls this
// repeatedly with the returned cursor, showing progress) or the rows it names. Each row goes
// through the bulk decision use case (decide-withdrawals-in-bulk.ts → the single approval /
// rejection, guarded per row), so maker-checker applies per row exactly as for single
// withdrawals, and a row someone else decided a moment ago is reported, never decided twice.
// Rows are worked in file order, CHUNK per call, so a 10,000-row batch never makes one long request.
import type { Actor } from "../audit";
import { db } from "../db";
import { AppError } from "../errors";
import type { PayoutProvider } from "../providers/types";
import { BULK_MAX, decideWithdrawalsInBulk, type BulkOutcome } from "./decide-withdrawals-in-bulk";
import { completePayoutBatchIfDone } from "./complete-payout-batch";
import { payoutBatchNotFound, progressOf } from "./get-payout-batch";

export const BATCH_DECISION_CHUNK = 50;

export type DecidePayoutBatchInput = {
  batchId: string;
  /** Only these rows (withdrawal ids of this batch); all pending rows when left out. */
  ids?: string[];
  /** Continue after this row number (the previous call's `nextAfterRow`). */
  afterRow?: number;
  actor: Actor;
  payouts?: PayoutProvider;
} & ({ action: "approve" } | { action: "reject"; note: string });

export async function decidePayoutBatch(input: DecidePayoutBatchInput) {
  const batch = await db.payoutBatch.findUnique({ where: { id: input.batchId }, select: { id: true } });
  if (!batch) throw payoutBatchNotFound();
  if (input.ids && (input.ids.length === 0 || input.ids.length > BULK_MAX)) {
    throw new AppError("VALIDATION", `Pilih 1–${BULK_MAX} baris / Select 1–${BULK_MAX} rows`);
  }
  const rows = await db.withdrawal.findMany({
    where: {
      batchId: batch.id,
      status: "pending",
      ...(input.ids ? { id: { in: input.ids } } : {}),
      ...(input.afterRow !== undefined ? { batchRow: { gt: input.afterRow } } : {}),
    },
    orderBy: { batchRow: "asc" },
    take: input.ids ? BULK_MAX : BATCH_DECISION_CHUNK,
    select: { id: true, batchRow: true },
  });
  let outcomes: BulkOutcome[] = [];
  if (rows.length > 0) {
    const ids = rows.map((r) => r.id);
    ({ outcomes } = await decideWithdrawalsInBulk(
      input.action === "reject" ? { action: "reject", ids, note: input.note, actor: input.actor } : { action: "approve", ids, actor: input.actor, payouts: input.payouts },
    ));
  }
  const last = rows.at(-1)?.batchRow ?? null;
  const more = !input.ids && rows.length === BATCH_DECISION_CHUNK;
  const progress = (await progressOf([batch.id])).get(batch.id)!;
  if (progress.settled === progress.total) await completePayoutBatchIfDone(batch.id);
  return { outcomes, nextAfterRow: more ? last : null, progress };
}
