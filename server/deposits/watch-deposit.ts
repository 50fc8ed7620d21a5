// The live status feed behind the QR page: a database-polled change feed, so a payment
// recorded by any app process reaches a page served by any other within one poll interval.
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "../db";
import { isDepositIdShape } from "./deposit-id";
import { expireIfDue } from "./expire-deposit";

export type DepositStatusUpdate = { id: string; status: string; paidAt: Date | null };

export async function* watchDepositStatus(depositId: string, signal?: AbortSignal, intervalMs = 200): AsyncGenerator<DepositStatusUpdate> {
  let last: string | null = null;
  if (!isDepositIdShape(depositId)) return; // names no deposit, like an unknown id
  while (!signal?.aborted) {
    const row = await db.deposit.findUnique({ where: { id: depositId } });
    if (!row) return;
    const deposit = await expireIfDue(row);
    if (deposit.status !== last) {
      last = deposit.status;
      yield { id: deposit.id, status: deposit.status, paidAt: deposit.paidAt };
    }
    if (deposit.status !== "pending") return;
    try {
      await sleep(intervalMs, undefined, { signal });
    } catch {
      return; // the viewer went away
    }
  }
}
