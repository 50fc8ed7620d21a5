// The worker's "never guess, always ask" for deposits: a charge whose notification never came is
// looked up in the provider's status API on the schedule of status-check-schedule.ts, and what the
// provider says is settled through the same path as a notification (apply-charge-state.ts), so a
// lost notification costs minutes, not money, and a payment is still credited exactly once.
import { db } from "../db";
import { providerByName } from "../providers";
import type { DepositProvider } from "../providers/types";
import { applyChargeState } from "./apply-charge-state";
import { nextStatusCheck, STATUS_CHECK_MAX, STATUS_CHECK_RETRY_MINUTES } from "./status-check-schedule";

const SETTLED = new Set(["credited", "expired", "failed", "amount_mismatch", "late_payment", "unknown_reference"]);

function providerNamed(name: string): DepositProvider | null {
  try {
    return providerByName(name);
  } catch {
    return null;
  }
}

/** Asks about every charge whose check is due; returns how many changed (or were put up for review). */
export async function checkDueChargeStatuses(now = new Date(), batch = 50): Promise<number> {
  const due = await db.deposit.findMany({
    where: {
      nextStatusCheckAt: { lte: now },
      // Pending, or expired by the clock: a payment made in time may still be reported.
      OR: [{ status: "pending" }, { status: "expired", expiredReason: "expired", cancelledAt: null }],
    },
    orderBy: { nextStatusCheckAt: "asc" },
    take: batch,
  });
  let settled = 0;
  for (const deposit of due) {
    // Claim this check first (a guarded update), so two workers never ask twice for it.
    const planned = nextStatusCheck(deposit, now);
    const { count } = await db.deposit.updateMany({
      where: { id: deposit.id, nextStatusCheckAt: deposit.nextStatusCheckAt },
      data: { nextStatusCheckAt: planned, statusChecks: { increment: 1 } },
    });
    if (count === 0) continue;
    const provider = providerNamed(deposit.provider);
    if (!provider?.hasStatusApi) {
      await db.deposit.updateMany({ where: { id: deposit.id }, data: { nextStatusCheckAt: null } });
      continue;
    }
    try {
      const state = await provider.getStatus({ depositId: deposit.id, providerRef: deposit.providerRef });
      if (state.kind === "unknown") {
        console.warn(`[status-check] ${provider.name} could not say about deposit ${deposit.id}: ${state.reason}`);
        if (!planned && deposit.statusChecks + 1 < STATUS_CHECK_MAX) {
          await db.deposit.updateMany({
            where: { id: deposit.id, nextStatusCheckAt: null },
            data: { nextStatusCheckAt: new Date(now.getTime() + STATUS_CHECK_RETRY_MINUTES * 60_000) },
          });
        }
        continue;
      }
      const result = await applyChargeState(provider.name, state, state.payload ?? JSON.stringify({ source: "status", kind: state.kind }));
      if (!result.duplicate && SETTLED.has(result.outcome)) settled++;
    } catch (error) {
      console.error(`[status-check] deposit ${deposit.id}:`, error);
    }
  }
  return settled;
}
