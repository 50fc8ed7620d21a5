// The merchant pauses, resumes or revokes its mandate; a guarded update allows only the listed moves.
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";

const TRANSITIONS = {
  pause: { from: ["active", "failing"], to: "paused" },
  resume: { from: ["paused", "failing"], to: "active" },
  revoke: { from: ["pending_otp", "active", "paused", "failing"], to: "revoked" },
} as const;

export async function changeMandate(merchantId: string, mandateId: string, action: keyof typeof TRANSITIONS, actor: Actor) {
  const { from, to } = TRANSITIONS[action];
  return transaction(async (tx) => {
    const { count } = await tx.directDebitMandate.updateMany({
      where: { id: mandateId, merchantId, status: { in: [...from] } },
      data: { status: to, ...(to === "active" ? { failureReason: null } : {}) },
    });
    if (count === 0) throw new AppError("INVALID_STATE", "Mandat tidak bisa diubah dari status ini / Mandate cannot change from its current status");
    await recordAudit(tx, { actor, action: `mandate.${action}`, targetType: "mandate", targetId: mandateId, merchantId });
    return { status: to };
  });
}
