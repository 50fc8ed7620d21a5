// Live order status for the portal's order history: a database-polled change feed (like the
// deposits' one), so a settlement by any worker reaches a page served by any app process.
// Only the merchant's own orders are read; the feed ends when every watched order is final.
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "../db";
import { ORDER_STATUS } from "./response-codes";

export type PrepaidOrderUpdate = { trId: number; status: number; rc: string; message: string; sn: string | null; completedAt: Date | null };

export async function* watchPrepaidOrders(merchantId: string, trIds: number[], signal?: AbortSignal, intervalMs = 300): AsyncGenerator<PrepaidOrderUpdate[]> {
  const last = new Map<number, number>();
  const ids = [...new Set(trIds)];
  while (!signal?.aborted && ids.length) {
    const rows = await db.prepaidOrder.findMany({
      where: { merchantId, trId: { in: ids } },
      select: { trId: true, status: true, rc: true, message: true, sn: true, completedAt: true },
    });
    const changed = rows.filter((row) => last.get(row.trId) !== row.status);
    for (const row of changed) last.set(row.trId, row.status);
    if (changed.length) yield changed;
    if (rows.every((row) => row.status !== ORDER_STATUS.PROCESS)) return;
    try {
      await sleep(intervalMs, undefined, { signal });
    } catch {
      return; // the viewer went away
    }
  }
}
