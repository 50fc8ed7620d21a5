// Resend: a fresh token and seven more days (the old link stops working, since only a hash is kept).
import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import type { MailLocale } from "../mail/layout";
import type { MemberRole } from "../auth/permissions";
import { invitationExpiry, newInvitationToken } from "./invitation-token";
import { queueInvitationMail } from "./invite-member";

export async function resendInvitation(options: { merchantId: string; invitationId: string; actor: Actor & { type: "USER" }; locale: MailLocale }) {
  return transaction(async (tx) => {
    const { token, tokenHash } = newInvitationToken();
    // Guarded: only this merchant's invitation, and only while it is still open.
    const updated = await tx.invitation.updateMany({
      where: { id: options.invitationId, merchantId: options.merchantId, acceptedAt: null, revokedAt: null },
      data: { tokenHash, expiresAt: invitationExpiry() },
    });
    if (updated.count !== 1) throw new AppError("NOT_FOUND", "Undangan tidak ditemukan atau sudah tidak berlaku / Invitation not found or no longer open");
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: options.invitationId }, select: { email: true, role: true } });
    await queueInvitationMail(tx, { merchantId: options.merchantId, email: invitation.email, role: invitation.role as MemberRole, token, inviterId: options.actor.id, locale: options.locale });
    await recordAudit(tx, { actor: options.actor, action: "team.invitation_resent", targetType: "invitation", targetId: options.invitationId, merchantId: options.merchantId, metadata: { email: invitation.email } });
    return { ok: true as const };
  });
}
