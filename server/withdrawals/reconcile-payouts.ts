// The worker's "never guess, always ask" for payouts. Every payout in flight (`sending`) or with
// an unknown outcome (`unknown`) whose check is due — first PAYOUT_CHECK_AFTER_SECONDS after it
// was sent, then backing off to hourly — is asked about at its provider (checkPayout), and what
// the provider says is applied through the same guarded steps as approval and notifications:
//   completed → success (hold posted); failed / rejected → rejected (hold voided, reason kept);
//   queued / approved / processed → still `sending` (an `unknown` one becomes `sending` again);
//   no answer now (timeout, 5xx) → unchanged, asked again later;
//   the provider cannot answer (it does not know the payout, the provider changed, the payout
//   waits for a person) → `unknown` and handed to an admin, once, with an audit entry.
// A claim stuck in `processing` (nothing records that the provider was ever called: a crash, or a
// withdrawal from before `sending` existed) becomes `unknown` and the admin's the same way.
// Several workers may run this at once: each check is leased by a guarded update first.
import { recordAudit, type Actor } from "../audit";
import { db, transaction, type Withdrawal } from "../db";
import { payoutEnv } from "../env";
import { payoutProvider } from "../providers";
import type { PayoutProvider, PayoutStatus } from "../providers/types";
import { IN_FLIGHT_STATUSES } from "./record-payout-outcome";
import { payoutRequestOf, recordPayoutReference, recordPayoutResult } from "./record-payout-progress";

const WORKER: Actor = { type: "WORKER", id: "reconcile-payouts" };

/** Minutes to the next question after the n-th one (1-based): 1, 2, 5, 10, 30, then hourly. */
const BACKOFF_MINUTES = [1, 2, 5, 10, 30, 60];
export const nextCheckDelayMs = (checks: number) => BACKOFF_MINUTES[Math.min(Math.max(checks, 1), BACKOFF_MINUTES.length) - 1]! * 60_000;

export type ReconcileOptions = { now?: Date; payouts?: PayoutProvider; limit?: number };

/** Hands a payout the provider cannot answer about to an admin: `unknown`, no more automatic checks, audited once. */
async function handToAdmin(withdrawal: Withdrawal, problem: string, actor: Actor, reference?: string): Promise<boolean> {
  return transaction(async (tx) => {
    const { count } = await tx.withdrawal.updateMany({
      // Unchanged since it was read (or leased): a notification that settled it, or put an
      // `unknown` one back in flight, wins.
      where: { id: withdrawal.id, status: withdrawal.status, payoutCheckAt: withdrawal.payoutCheckAt },
      data: { status: "unknown", payoutCheckAt: null, ...(reference && !withdrawal.payoutRef ? { payoutRef: reference } : {}) },
    });
    if (count === 0) return false;
    await recordAudit(tx, {
      actor,
      action: "withdraw.payout_needs_admin",
      targetType: "withdrawal",
      targetId: withdrawal.id,
      merchantId: withdrawal.merchantId,
      metadata: { problem, was: withdrawal.status, payoutRef: reference ?? withdrawal.payoutRef, provider: withdrawal.payoutProvider },
    });
    return true;
  });
}

/** Claims that never reached `sending` within the grace period: whether the provider was called is not known. */
async function releaseStuckClaims(now: Date, limit: number): Promise<number> {
  const before = new Date(now.getTime() - payoutEnv.PAYOUT_CHECK_AFTER_SECONDS * 1000);
  const stuck = await db.withdrawal.findMany({ where: { status: "processing", updatedAt: { lt: before } }, orderBy: { updatedAt: "asc" }, take: limit });
  let changed = 0;
  for (const withdrawal of stuck) {
    const problem = "claimed for payout but never recorded as sent (a crash, or a withdrawal from before Saldo tracked sending): whether the provider was called is not known";
    if (await handToAdmin(withdrawal, problem, WORKER)) changed++;
  }
  return changed;
}

/** Asks the provider about one due payout and applies the answer. True when something changed. */
async function checkOne(withdrawal: Withdrawal, provider: PayoutProvider, now: Date): Promise<boolean> {
  // Lease the check: of two workers, one moves payoutCheckAt on and asks; the other skips it.
  const checks = withdrawal.payoutChecks + 1;
  const nextCheckAt = new Date(now.getTime() + nextCheckDelayMs(checks));
  const lease = await db.withdrawal.updateMany({
    where: { id: withdrawal.id, status: withdrawal.status, payoutCheckAt: withdrawal.payoutCheckAt },
    data: { payoutCheckAt: nextCheckAt, payoutChecks: checks },
  });
  if (lease.count === 0) return false;
  const leased = await db.withdrawal.findUnique({ where: { id: withdrawal.id } });
  if (!leased) return false;

  const providerActor: Actor = { type: "PROVIDER", id: provider.name };
  if (leased.payoutProvider !== provider.name || !provider.checkPayout) {
    const problem = leased.payoutProvider
      ? `sent through ${leased.payoutProvider}, which ${leased.payoutProvider === provider.name ? "has no status API" : `is not the configured payout provider (${provider.name})`}`
      : "no record of which provider it was sent through";
    return handToAdmin(leased, problem, WORKER);
  }

  let answer: PayoutStatus;
  try {
    answer = await provider.checkPayout(
      { ...payoutRequestOf(leased), reference: leased.payoutRef, sentAt: leased.payoutSentAt ?? leased.updatedAt },
      { onReference: (reference) => recordPayoutReference(leased.id, reference) },
    );
  } catch (error) {
    answer = { status: "unknown", problem: error instanceof Error ? error.message : String(error) };
  }

  if (answer.status === "unanswerable") return handToAdmin(leased, answer.problem, providerActor, answer.reference);
  if (answer.status === "unknown") {
    // No answer this time: nothing changes (a `sending` payout stays `sending`); asked again at nextCheckAt.
    if (answer.reference && !leased.payoutRef) await recordPayoutReference(leased.id, answer.reference);
    console.warn(`[reconcile-payouts] ${leased.id}: ${answer.problem}; asking again at ${nextCheckAt.toISOString()}`);
    return false;
  }
  const { changed } = await transaction((tx) => recordPayoutResult(tx, leased, answer, { approver: WORKER, provider: providerActor }));
  return changed;
}

/** One pass of the job; returns how many payouts changed state. */
export async function reconcilePayouts(options: ReconcileOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const provider = options.payouts ?? payoutProvider();
  const limit = options.limit ?? 50;
  let changed = await releaseStuckClaims(now, limit);
  const due = await db.withdrawal.findMany({
    where: { status: { in: [...IN_FLIGHT_STATUSES] }, payoutCheckAt: { lte: now } },
    orderBy: [{ payoutCheckAt: "asc" }, { id: "asc" }],
    take: limit,
  });
  for (const withdrawal of due) {
    try {
      if (await checkOne(withdrawal, provider, now)) changed++;
    } catch (error) {
      console.error(`[reconcile-payouts] ${withdrawal.id} failed:`, error);
    }
  }
  return changed;
}
