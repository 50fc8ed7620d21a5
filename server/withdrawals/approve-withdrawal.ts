// An admin (or the auto-approve limit) approves a pending withdrawal:
//   1. claim it, `pending → processing`, by a guarded update — of two approvals racing, one
//      matches the row and the other gets INVALID_STATE, so the money goes out once;
//   2. send the payout through the provider, outside any transaction (a slow provider must not
//      hold database locks);
//   3. record the outcome in one transaction: `success` and the hold posted (amount to payout
//      clearing, fee to revenue), or — when the provider refused — `rejected` with its reason
//      and the hold voided, the funds back in the merchant's balance. The audit row and the
//      merchant's callback (outbox) commit with it.
// A suspended merchant's withdrawals cannot be approved (only rejected).
// A provider that throws leaves the outcome unknown: the withdrawal stays `processing` (funds
// still held, never returned on a guess) for reconciliation with the provider.
import { actorLabel, recordAudit, type Actor } from "../audit";
import { transaction, type Tx } from "../db";
import { AppError } from "../errors";
import type { Withdrawal } from "../generated/sqlite/client";
import { postHold, voidHold } from "../ledger";
import { payoutProvider, type PayoutProvider, type PayoutResult } from "../providers/payouts";
import { enqueueEvent } from "../webhooks/outbox";
import { notPendingError } from "./errors";
import { withdrawView } from "./views";

export type ApproveWithdrawalInput = {
  withdrawalId: string;
  actor: Actor;
  payouts?: PayoutProvider;
};

async function claim(withdrawalId: string, actor: Actor): Promise<Withdrawal> {
  return transaction(async (tx) => {
    // A suspended merchant's money does not go out: reject it, or reinstate the merchant first.
    const { count } = await tx.withdrawal.updateMany({
      where: { id: withdrawalId, status: "pending", merchant: { status: "ACTIVE" } },
      data: { status: "processing", processedBy: actorLabel(actor) },
    });
    if (count === 0) {
      const current = await tx.withdrawal.findUnique({ where: { id: withdrawalId }, select: { status: true, merchant: { select: { status: true } } } });
      if (current?.status === "pending" && current.merchant.status !== "ACTIVE") {
        throw new AppError(
          "FORBIDDEN",
          "Merchant ditangguhkan: tolak penarikan ini atau aktifkan kembali merchant dulu / Merchant is suspended: reject this withdrawal or reinstate the merchant first",
        );
      }
      throw await notPendingError(tx, withdrawalId);
    }
    const withdrawal = await tx.withdrawal.findUniqueOrThrow({ where: { id: withdrawalId } });
    await recordAudit(tx, {
      actor,
      action: "withdraw.approve",
      targetType: "withdrawal",
      targetId: withdrawal.id,
      merchantId: withdrawal.merchantId,
      metadata: { amount: withdrawal.amount, method: withdrawal.method },
    });
    return withdrawal;
  });
}

async function finish(tx: Tx, withdrawal: Withdrawal, data: Partial<Pick<Withdrawal, "status" | "payoutRef" | "adminNote" | "failureReason">>) {
  const { count } = await tx.withdrawal.updateMany({
    where: { id: withdrawal.id, status: "processing" },
    data: { ...data, processedAt: new Date() },
  });
  if (count === 0) throw await notPendingError(tx, withdrawal.id);
  return tx.withdrawal.findUniqueOrThrow({ where: { id: withdrawal.id } });
}

export async function approveWithdrawal(input: ApproveWithdrawalInput): Promise<Withdrawal> {
  const payouts = input.payouts ?? payoutProvider();
  const claimed = await claim(input.withdrawalId, input.actor);
  const providerActor: Actor = { type: "PROVIDER", id: payouts.name };

  let outcome: PayoutResult;
  try {
    outcome = await payouts.sendPayout({
      withdrawalId: claimed.id,
      method: claimed.method,
      accountNumber: claimed.accountNumber,
      accountName: claimed.accountName,
      amount: claimed.amount,
    });
  } catch (error) {
    await transaction((tx) =>
      recordAudit(tx, {
        actor: providerActor,
        action: "withdraw.payout_unknown",
        targetType: "withdrawal",
        targetId: claimed.id,
        merchantId: claimed.merchantId,
        metadata: { error: error instanceof Error ? error.message : String(error) },
      }),
    );
    throw new AppError(
      "CONFLICT",
      "Hasil pencairan belum diketahui; penarikan tetap diproses sampai dicocokkan dengan penyedia / The payout's outcome is unknown; the withdrawal stays processing until reconciled with the provider",
    );
  }

  return transaction((tx) => recordPayoutOutcome(tx, claimed, outcome, { approver: input.actor, provider: providerActor }));
}

/**
 * Settles a `processing` withdrawal with its payout's outcome: `success` and the hold posted, or
 * `rejected` with the reason and the hold voided. Used by approval and by an admin's reconciliation.
 */
export async function recordPayoutOutcome(tx: Tx, claimed: Withdrawal, outcome: PayoutResult, actors: { approver: Actor; provider: Actor }): Promise<Withdrawal> {
  if (outcome.ok) {
    const done = await finish(tx, claimed, { status: "success", payoutRef: outcome.reference });
    await postHold(tx, {
      holdId: done.holdId,
      to: [{ account: "payoutClearing", amount: done.amount }, ...(done.fee > 0n ? [{ account: "feeRevenue" as const, amount: done.fee }] : [])],
      description: `Penarikan ${done.id} dicairkan`,
      actor: actorLabel(actors.approver),
    });
    await recordAudit(tx, {
      actor: actors.provider,
      action: "withdraw.success",
      targetType: "withdrawal",
      targetId: done.id,
      merchantId: done.merchantId,
      metadata: { payoutRef: outcome.reference },
    });
    await enqueueEvent(tx, { merchantId: done.merchantId, type: "withdraw.success", data: withdrawView(done) });
    return done;
  }
  const failed = await finish(tx, claimed, { status: "rejected", adminNote: outcome.reason, failureReason: outcome.reason });
  await voidHold(tx, { holdId: failed.holdId, description: `Penarikan ${failed.id} gagal: ${outcome.reason}`, actor: actorLabel(actors.provider) });
  await recordAudit(tx, {
    actor: actors.provider,
    action: "withdraw.payout_failed",
    targetType: "withdrawal",
    targetId: failed.id,
    merchantId: failed.merchantId,
    metadata: { reason: outcome.reason },
  });
  await enqueueEvent(tx, { merchantId: failed.merchantId, type: "withdraw.rejected", data: withdrawView(failed) });
  return failed;
}