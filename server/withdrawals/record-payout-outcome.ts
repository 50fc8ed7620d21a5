// Settles a payout in flight (`sending` or `unknown`) with its final outcome, in one transaction:
// `success` and the hold posted (amount to payout clearing, fee to revenue), or `rejected` with
// the provider's reason and the hold voided, the funds back in the merchant's balance. The audit
// row and the merchant's callback (outbox) commit with it. Approval, the provider's
// notifications, the reconciliation job and an admin's reconciliation all end here; the status
// guard in the UPDATE's WHERE makes it happen exactly once whoever comes first.
import { actorLabel, recordAudit, type Actor } from "../audit";
import type { Tx, Withdrawal } from "../db";
import { AppError } from "../errors";
import { postHold, voidHold } from "../ledger";
import { queueWithdrawalRejectedMail } from "../notifications/withdrawal-decision-mails";
import type { PayoutSettlement } from "../providers/types";
import { alertOnLowBalances } from "../treasury/low-balance";
import { enqueueEvent } from "../webhooks/outbox";
import { withdrawalNotFound } from "./errors";
import { withdrawView } from "./views";
import { completePayoutBatchIfDoneIn } from "./complete-payout-batch";

/** A payout whose outcome is still open: handed to the provider (`sending`) or not known (`unknown`). */
export const IN_FLIGHT_STATUSES = ["sending", "unknown"] as const;

export type PayoutActors = { approver: Actor; provider: Actor };

/** Which states a settlement may start from: any payout in flight, or (an admin) only `unknown`. */
export type SettleFrom = readonly string[];

async function finish(tx: Tx, withdrawal: Withdrawal, from: SettleFrom, data: Partial<Pick<Withdrawal, "status" | "payoutRef" | "adminNote" | "failureReason">>) {
  const { count } = await tx.withdrawal.updateMany({
    where: { id: withdrawal.id, status: { in: [...from] } },
    data: { ...data, processedAt: new Date(), payoutCheckAt: null },
  });
  if (count === 0) return null;
  return tx.withdrawal.findUniqueOrThrow({ where: { id: withdrawal.id } });
}

/**
 * Settles a payout in flight with its outcome; null (and nothing changed) when it is not in
 * flight any more — someone settled it first.
 */
export async function settlePayout(tx: Tx, withdrawal: Withdrawal, outcome: PayoutSettlement, actors: PayoutActors, from: SettleFrom = IN_FLIGHT_STATUSES): Promise<Withdrawal | null> {
  if (outcome.status === "paid") {
    const done = await finish(tx, withdrawal, from, { status: "success", payoutRef: outcome.reference });
    if (!done) return null;
    const posted = await postHold(tx, {
      holdId: done.holdId,
      to: [{ account: "payoutClearing", amount: done.amount }, ...(done.fee > 0n ? [{ account: "feeRevenue" as const, amount: done.fee }] : [])],
      description: `Penarikan ${done.id} dicairkan`,
      actor: actorLabel(actors.approver),
    });
    await alertOnLowBalances(tx, posted.changedWallets);
    await recordAudit(tx, {
      actor: actors.provider,
      action: "withdraw.success",
      targetType: "withdrawal",
      targetId: done.id,
      merchantId: done.merchantId,
      metadata: { payoutRef: outcome.reference },
    });
    await enqueueEvent(tx, { merchantId: done.merchantId, type: "withdraw.success", data: withdrawView(done) });
    if (done.batchId) await completePayoutBatchIfDoneIn(tx, done.batchId);
    return done;
  }
  const failed = await finish(tx, withdrawal, from, {
    status: "rejected",
    adminNote: outcome.reason,
    failureReason: outcome.reason,
    ...(outcome.reference && !withdrawal.payoutRef ? { payoutRef: outcome.reference } : {}),
  });
  if (!failed) return null;
  const voided = await voidHold(tx, { holdId: failed.holdId, description: `Penarikan ${failed.id} gagal: ${outcome.reason}`, actor: actorLabel(actors.provider) });
  await alertOnLowBalances(tx, voided.changedWallets);
  await recordAudit(tx, {
    actor: actors.provider,
    action: "withdraw.payout_failed",
    targetType: "withdrawal",
    targetId: failed.id,
    merchantId: failed.merchantId,
    metadata: { reason: outcome.reason, payoutRef: failed.payoutRef },
  });
  await enqueueEvent(tx, { merchantId: failed.merchantId, type: "withdraw.rejected", data: withdrawView(failed) });
  // Approved, then refused by the provider: the merchant was told "approved", so tell them this too.
  await queueWithdrawalRejectedMail(tx, failed, outcome.reason);
  if (failed.batchId) await completePayoutBatchIfDoneIn(tx, failed.batchId);
  return failed;
}

/** As settlePayout, but a payout not in one of the `from` states is INVALID_STATE (an admin's reconciliation). */
export async function recordPayoutOutcome(tx: Tx, withdrawal: Withdrawal, outcome: PayoutSettlement, actors: PayoutActors, from: SettleFrom = IN_FLIGHT_STATUSES): Promise<Withdrawal> {
  const settled = await settlePayout(tx, withdrawal, outcome, actors, from);
  if (settled) return settled;
  const current = await tx.withdrawal.findUnique({ where: { id: withdrawal.id }, select: { status: true } });
  if (!current) throw withdrawalNotFound();
  throw new AppError(
    "INVALID_STATE",
    `Status pencairan sudah berubah (status: ${current.status}) / The payout's status has changed (status: ${current.status})`,
    { status: current.status },
  );
}
