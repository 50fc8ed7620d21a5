// The desk's batches: every batch with a row still waiting for a decision (or a payout in flight),
// one item each — merchant, rows, total, rows by status — oldest first. Its rows are not listed
// one by one in the withdrawal queue (list-withdrawal-queue.ts leaves batch rows out).
import { db } from "../db";
import { pageInput, pageResult, pageSkip } from "../../lib/pagination";
import { progressOf } from "./get-payout-batch";
import { PAYOUT_IN_PROGRESS } from "./views";
import type { z } from "zod";

export async function listPayoutBatchQueue(raw: z.input<typeof pageInput>) {
  const page = pageInput.parse(raw);
  const where = { withdrawals: { some: { status: { in: ["pending", ...PAYOUT_IN_PROGRESS] } } } };
  const [total, batches] = await Promise.all([
    db.payoutBatch.count({ where }),
    db.payoutBatch.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: pageSkip(page),
      take: page.pageSize,
      include: { merchant: { select: { id: true, businessName: true } } },
    }),
  ]);
  const progress = await progressOf(batches.map((b) => b.id));
  return pageResult(batches.map((b) => ({ ...b, progress: progress.get(b.id)! })), total, page);
}
