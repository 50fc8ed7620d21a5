// A merchant's batch payouts, newest first, each with its progress.
import { db } from "../db";
import { pageInput, pageResult, pageSkip } from "../../lib/pagination";
import { progressOf } from "./get-payout-batch";
import type { z } from "zod";

export async function listPayoutBatches(merchantId: string, raw: z.input<typeof pageInput>) {
  const page = pageInput.parse(raw);
  const where = { merchantId };
  const [total, batches] = await Promise.all([
    db.payoutBatch.count({ where }),
    db.payoutBatch.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: pageSkip(page), take: page.pageSize }),
  ]);
  const progress = await progressOf(batches.map((b) => b.id));
  return pageResult(batches.map((b) => ({ ...b, progress: progress.get(b.id)! })), total, page);
}
