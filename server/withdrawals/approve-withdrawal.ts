// An admin (or the auto-approve limit) approves a pending withdrawal:
//   1. claim it, `pending → processing`, by a guarded update — of two approvals racing, one
//      matches the row and the other gets INVALID_STATE, so the money goes out once;
//   2. `processing → sending` (payoutSentAt, payoutProvider) just before the provider is called,
//      outside any transaction (a slow provider must not hold database locks);
//   3. record what the provider said (record-payout-progress.ts): paid → `success`, the hold
//      posted; refused → `rejected` with its reason, the hold voided, the funds back; accepted
//      and in flight → stays `sending` until its notification or the reconciliation job settles
//      it. The audit row and the merchant's callback (outbox) commit with the settlement.
// A suspended merchant's withdrawals cannot be approved (only rejected).
// Maker-checker: a withdrawal at or above APPROVAL_SECOND_ADMIN_ABOVE is claimed only by an admin
// whose approval is recorded next to a different admin's (give-withdrawal-approval.ts records them).
// A provider that times out, answers 5xx or throws leaves the outcome unknown: the withdrawal is
// `unknown` (funds still held, never returned on a guess) until the reconciliation job hears
// from the provider — or, when the provider cannot answer, an admin reconciles it.
import { actorLabel, recordAudit, type Actor } from "../audit";
import { transaction, type Withdrawal } from "../db";
import { AppError } from "../errors";
import { queueWithdrawalApprovedMail } from "../notifications/withdrawal-decision-mails";
import { payoutProvider } from "../providers";
import type { PayoutProvider, PayoutResult } from "../providers/types";
import { APPROVALS_NEEDED, approversOf, approvingAdminId, withdrawalNeedsSecondAdmin } from "./approval-rule";
import { notPendingError } from "./errors";
import { markPayoutSending, payoutRequestOf, recordPayoutReference, recordPayoutResult } from "./record-payout-progress";

export type ApproveWithdrawalInput = {
  withdrawalId: string;
  actor: Actor;
  payouts?: PayoutProvider;
};

async function claim(withdrawalId: string, actor: Actor): Promise<Withdrawal> {
  return transaction(async (tx) => {
    const target = await tx.withdrawal.findUnique({ where: { id: withdrawalId }, select: { amount: true, status: true } });
    if (target?.status === "pending" && withdrawalNeedsSecondAdmin(target.amount)) {
      const adminId = approvingAdminId(actor);
      const approvers = await approversOf(tx, "withdrawal", withdrawalId);
      if (!approvers.includes(adminId) || approvers.length < APPROVALS_NEEDED) {
        throw new AppError(
          "FORBIDDEN",
          "Penarikan sebesar ini perlu persetujuan dua admin berbeda / A withdrawal this large needs the approval of two different admins",
          { reason: "SECOND_ADMIN_REQUIRED" },
        );
      }
    }
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
    // The merchant's recipients hear of the approval with it (a rolled-back claim mails nobody).
    await queueWithdrawalApprovedMail(tx, withdrawal);
    return withdrawal;
  });
}

export async function approveWithdrawal(input: ApproveWithdrawalInput): Promise<Withdrawal> {
  const payouts = input.payouts ?? payoutProvider();
  const claimed = await claim(input.withdrawalId, input.actor);
  const providerActor: Actor = { type: "PROVIDER", id: payouts.name };
  const actors = { approver: input.actor, provider: providerActor };
  const sending = await markPayoutSending(claimed.id, payouts.name);

  let result: PayoutResult;
  try {
    result = await payouts.sendPayout(payoutRequestOf(sending), { onReference: (reference) => recordPayoutReference(sending.id, reference) });
  } catch (error) {
    result = { status: "unknown", problem: error instanceof Error ? error.message : String(error) };
  }

  const { withdrawal } = await transaction((tx) => recordPayoutResult(tx, sending, result, actors));
  if (withdrawal.status === "unknown") {
    throw new AppError(
      "CONFLICT",
      "Hasil pencairan belum diketahui; dana tetap ditahan dan penyedia akan ditanya lagi otomatis / The payout's outcome is unknown; the funds stay held and the provider will be asked again automatically",
      { status: withdrawal.status },
    );
  }
  return withdrawal;
}
