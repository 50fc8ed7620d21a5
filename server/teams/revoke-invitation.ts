import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";

export async function revokeInvitation(options: { merchantId: string; invitationId: string; actor: Actor }) {
  return transaction(async (tx) => {
    const updated = await tx.invitation.updateMany({
      where: { id: options.invitationId, merchantId: options.merchantId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (updated.count !== 1) throw new AppError("NOT_FOUND", "Undangan tidak ditemukan atau sudah tidak berlaku / Invitation not found or no longer open");
    await recordAudit(tx, { actor: options.actor, action: "team.invitation_revoked", targetType: "invitation", targetId: options.invitationId, merchantId: options.merchantId });
    return { ok: true as const };
  });
}
