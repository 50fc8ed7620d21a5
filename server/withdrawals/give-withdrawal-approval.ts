// An admin approves one pending withdrawal from the desk. Below APPROVAL_SECOND_ADMIN_ABOVE that
// is the approval itself (approve-withdrawal.ts). At or above it, maker-checker:
//   - the first admin's approval is recorded (audit `withdraw.approval`) and the withdrawal stays
//     pending, shown as "1 of 2" with who and when;
//   - the same admin approving again is refused (approval-rule.ts);
//   - a different admin's approval is recorded and executes it through the guarded claim, so two
//     admins giving the second approval at once pay it out once (the other hears "already decided").
// The withdrawal row is locked (a guarded no-op update) while the approval is recorded, so two first
// approvals racing each other are counted one after the other and the second of them executes.
import { recordAudit, type Actor } from "../audit";
import { transaction, type Withdrawal } from "../db";
import type { PayoutProvider } from "../providers/types";
import { APPROVALS_NEEDED, approvingAdminId, recordApproval, withdrawalNeedsSecondAdmin } from "./approval-rule";
import { approveWithdrawal } from "./approve-withdrawal";
import { notPendingError } from "./errors";

export type GiveWithdrawalApprovalInput = { withdrawalId: string; actor: Actor; payouts?: PayoutProvider };

export type WithdrawalApprovalResult =
  | { outcome: "approved"; withdrawal: Withdrawal }
  | { outcome: "awaiting_second"; approvals: number; needed: number };

export async function giveWithdrawalApproval(input: GiveWithdrawalApprovalInput): Promise<WithdrawalApprovalResult> {
  const recorded = await transaction(async (tx) => {
    // Lock the row (and check it is still pending) before counting approvals. A raw no-op update,
    // so the lock does not touch updatedAt: an approval that is then refused changes nothing.
    const count = await tx.$executeRaw`UPDATE "Withdrawal" SET "status" = "status" WHERE "id" = ${input.withdrawalId} AND "status" = 'pending'`;
    if (count === 0) throw await notPendingError(tx, input.withdrawalId);
    const withdrawal = await tx.withdrawal.findUniqueOrThrow({ where: { id: input.withdrawalId } });
    if (!withdrawalNeedsSecondAdmin(withdrawal.amount)) return null;
    const adminId = approvingAdminId(input.actor);
    const approvers = await recordApproval(tx, "withdrawal", withdrawal.id, adminId);
    await recordAudit(tx, {
      actor: input.actor,
      action: "withdraw.approval",
      targetType: "withdrawal",
      targetId: withdrawal.id,
      merchantId: withdrawal.merchantId,
      metadata: { amount: withdrawal.amount, approval: approvers.length, of: APPROVALS_NEEDED },
    });
    return approvers.length;
  });
  if (recorded !== null && recorded < APPROVALS_NEEDED) return { outcome: "awaiting_second", approvals: recorded, needed: APPROVALS_NEEDED };
  const withdrawal = await approveWithdrawal(input);
  return { outcome: "approved", withdrawal };
}
