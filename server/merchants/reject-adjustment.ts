// An admin rejects a pending adjustment request (the requester may withdraw their own): `pending →
// rejected` by a guarded update with a note, audited. Nothing was posted, so nothing moves.
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { approvingAdminId } from "../withdrawals/approval-rule";
import { lockPendingAdjustment } from "./approve-adjustment";

export async function rejectAdjustment(input: { requestId: string; note: string; actor: Actor }) {
  const adminId = approvingAdminId(input.actor);
  const note = input.note.trim();
  if (note.length < 3 || note.length > 500) {
    throw new AppError("VALIDATION", "Catatan penolakan wajib diisi, 3–500 karakter / A rejection note of 3–500 characters is required");
  }
  return transaction(async (tx) => {
    const request = await lockPendingAdjustment(tx, input.requestId);
    await tx.adjustmentRequest.update({ where: { id: request.id }, data: { status: "rejected", decidedBy: adminId, decidedAt: new Date(), decisionNote: note } });
    await recordAudit(tx, {
      actor: input.actor,
      action: "adjustment.reject",
      targetType: "adjustment",
      targetId: request.id,
      merchantId: request.merchantId,
      metadata: { note },
    });
    return { requestId: request.id, status: "rejected" as const };
  });
}
