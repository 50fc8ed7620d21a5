// An owner invites someone by email with a role. The token goes out once, in the invitation mail
// queued in the same transaction; a newer invitation for the same address replaces older ones.
import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import { transaction, type Tx } from "../db";
import { appUrl } from "../env";
import { AppError } from "../errors";
import { enqueueMail } from "../mail/enqueue-mail";
import type { MailLocale } from "../mail/layout";
import { invitationMail } from "../mail/templates/invitation";
import type { MemberRole } from "../auth/permissions";
import { invitationExpiry, newInvitationToken } from "./invitation-token";
import { inviteSchema } from "./schemas";

export type InviteMemberOptions = { merchantId: string; email: string; role: MemberRole; actor: Actor & { type: "USER" }; locale: MailLocale };

export async function inviteMember(options: InviteMemberOptions): Promise<{ invitationId: string }> {
  const parsed = inviteSchema.safeParse({ email: options.email, role: options.role });
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "Invalid input");
  const { email, role } = parsed.data;
  return transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { merchantId: options.merchantId, user: { email } }, select: { id: true } });
    if (member) throw new AppError("CONFLICT", "Orang ini sudah menjadi anggota / This person is already a member");
    await tx.invitation.updateMany({
      where: { merchantId: options.merchantId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const { token, tokenHash } = newInvitationToken();
    const invitation = await tx.invitation.create({
      data: { merchantId: options.merchantId, email, role, tokenHash, invitedById: options.actor.id, expiresAt: invitationExpiry() },
      select: { id: true },
    });
    await queueInvitationMail(tx, { merchantId: options.merchantId, email, role, token, inviterId: options.actor.id, locale: options.locale });
    await recordAudit(tx, {
      actor: options.actor,
      action: "team.invited",
      targetType: "invitation",
      targetId: invitation.id,
      merchantId: options.merchantId,
      metadata: { email, role },
    });
    return { invitationId: invitation.id };
  });
}

export async function queueInvitationMail(
  tx: Tx,
  data: { merchantId: string; email: string; role: MemberRole; token: string; inviterId: string; locale: MailLocale },
) {
  const [merchant, inviter] = await Promise.all([
    tx.merchant.findUniqueOrThrow({ where: { id: data.merchantId }, select: { businessName: true } }),
    tx.user.findUnique({ where: { id: data.inviterId }, select: { name: true } }),
  ]);
  const url = `${appUrl()}/invite/${data.token}`;
  await enqueueMail(tx, {
    kind: "invitation",
    to: data.email,
    locale: data.locale,
    merchantId: data.merchantId,
    ...invitationMail(data.locale, { merchantName: merchant.businessName, inviterName: inviter?.name ?? merchant.businessName, role: data.role, url }),
  });
}
