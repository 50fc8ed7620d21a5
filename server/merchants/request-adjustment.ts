// The first admin asks for a manual balance adjustment (maker-checker, issue 15): nothing moves
// yet; a pending AdjustmentRequest is recorded with the requester's approval as the first of
// two, and audited. A second, different admin approves it (approve-adjustment.ts, which posts it)
// or rejects it (reject-adjustment.ts). The form's idempotency key makes a double click one request.
import { recordAudit, type Actor } from "../audit";
import { Prisma, transaction } from "../db";
import { AppError } from "../errors";
import { balanceOf } from "../ledger";
import { APPROVALS_NEEDED, approvingAdminId, recordApproval } from "../withdrawals/approval-rule";
import { checkAdjustment } from "./adjust-balance";

export type RequestAdjustmentInput = {
  merchantId: string;
  direction: "credit" | "debit";
  amount: bigint | number | string;
  reason: string;
  actor: Actor;
  idempotencyKey: string;
};

export async function requestAdjustment(input: RequestAdjustmentInput) {
  const { amount, reason } = checkAdjustment(input);
  const adminId = approvingAdminId(input.actor);
  try {
    return await transaction(async (tx) => {
      const existing = await tx.adjustmentRequest.findUnique({ where: { merchantId_idempotencyKey: { merchantId: input.merchantId, idempotencyKey: input.idempotencyKey } } });
      if (existing) return { request: existing, replayed: true, approvals: 1, needed: APPROVALS_NEEDED };
      const merchant = await tx.merchant.findUnique({ where: { id: input.merchantId }, select: { id: true } });
      if (!merchant) throw new AppError("NOT_FOUND", "Merchant tidak ditemukan / Merchant not found");
      // A debit the balance cannot cover now is refused at once (the approval checks again, atomically).
      if (input.direction === "debit" && (await balanceOf(tx, input.merchantId)).available < amount) {
        throw new AppError("INSUFFICIENT_FUNDS", "Saldo tidak cukup untuk debit ini / The balance does not cover this debit");
      }
      const request = await tx.adjustmentRequest.create({
        data: { merchantId: input.merchantId, direction: input.direction, amount, reason, requestedBy: adminId, idempotencyKey: input.idempotencyKey },
      });
      await recordApproval(tx, "adjustment", request.id, adminId);
      await recordAudit(tx, {
        actor: input.actor,
        action: "adjustment.request",
        targetType: "adjustment",
        targetId: request.id,
        merchantId: input.merchantId,
        metadata: { direction: input.direction, amount, reason, approval: 1, of: APPROVALS_NEEDED },
      });
      return { request, replayed: false, approvals: 1, needed: APPROVALS_NEEDED };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Permintaan ini sedang diproses / This request is already being processed");
    }
    throw error;
  }
}
