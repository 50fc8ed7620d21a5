// The second admin approves a pending adjustment request and it is posted, all in one
// transaction: the row locked and checked pending, the approval recorded (the requester, or anyone
// who already approved, is refused: two different admins), `pending → approved` by a guarded
// update, the ledger posting under the request's own idempotency key, audit. Two admins approving
// at once: one posts it, the other hears it was already decided. A debit the balance cannot
// cover is refused (INSUFFICIENT_FUNDS) and the request stays pending, to be rejected or retried.
import { recordAudit, type Actor } from "../audit";
import { transaction, type Tx } from "../db";
import { AppError } from "../errors";
import { APPROVALS_NEEDED, approvingAdminId, recordApproval } from "../withdrawals/approval-rule";
import { postAdjustment } from "./adjust-balance";

export const adjustmentNotFound = () => new AppError("NOT_FOUND", "Permintaan penyesuaian tidak ditemukan / Adjustment request not found");

/** Locks a pending request's row for this transaction, or says why it cannot be decided. */
export async function lockPendingAdjustment(tx: Tx, id: string) {
  const { count } = await tx.adjustmentRequest.updateMany({ where: { id, status: "pending" }, data: { status: "pending" } });
  if (count === 0) {
    const current = await tx.adjustmentRequest.findUnique({ where: { id }, select: { status: true } });
    if (!current) throw adjustmentNotFound();
    throw new AppError(
      "INVALID_STATE",
      `Permintaan penyesuaian sudah diputuskan (status: ${current.status}) / The adjustment request was already decided (status: ${current.status})`,
      { status: current.status },
    );
  }
  return tx.adjustmentRequest.findUniqueOrThrow({ where: { id } });
}

export async function approveAdjustment(input: { requestId: string; actor: Actor }) {
  const adminId = approvingAdminId(input.actor);
  return transaction(async (tx) => {
    const request = await lockPendingAdjustment(tx, input.requestId);
    const approvers = await recordApproval(tx, "adjustment", request.id, adminId);
    if (approvers.length < APPROVALS_NEEDED) {
      // Only possible for a request whose maker's approval is missing; never post on one approval.
      throw new AppError("FORBIDDEN", "Penyesuaian perlu persetujuan dua admin berbeda / An adjustment needs two different admins");
    }
    const { count } = await tx.adjustmentRequest.updateMany({
      where: { id: request.id, status: "pending" },
      data: { status: "approved", decidedBy: adminId, decidedAt: new Date() },
    });
    if (count === 0) throw new AppError("INVALID_STATE", "Permintaan penyesuaian sudah diputuskan / The adjustment request was already decided");
    const posted = await postAdjustment(tx, {
      merchantId: request.merchantId,
      direction: request.direction === "debit" ? "debit" : "credit",
      amount: request.amount,
      reason: request.reason,
      actor: input.actor,
      key: `adjust-request:${request.id}`,
    });
    await tx.adjustmentRequest.update({ where: { id: request.id }, data: { journalId: posted.journalId } });
    await recordAudit(tx, {
      actor: input.actor,
      action: "adjustment.approve",
      targetType: "adjustment",
      targetId: request.id,
      merchantId: request.merchantId,
      metadata: { journalId: posted.journalId, amount: request.amount, direction: request.direction, approval: approvers.length, of: APPROVALS_NEEDED },
    });
    return { requestId: request.id, journalId: posted.journalId, balance: posted.balance };
  });
}
