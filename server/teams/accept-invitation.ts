// /invite/<token>: a new person sets a name and password and joins; a person with a login signs
// in and joins. The invitation is claimed by one guarded update (open, unexpired, this hash), so
// it is used once even when two tabs accept at the same moment.
import { recordAudit } from "../audit";
import { db, transaction, type Tx } from "../db";
import { AppError } from "../errors";
import { hashPassword } from "../auth/passwords";
import type { MemberRole } from "../auth/permissions";
import { hashInvitationToken } from "./invitation-token";
import { invitationTokenSchema, newMemberSchema } from "./schemas";

const NOT_VALID = "Undangan tidak berlaku (kedaluwarsa, sudah dipakai, atau dibatalkan) / This invitation is no longer valid (expired, used or revoked)";

export type InvitationPreview = {
  state: "open" | "expired" | "used" | "revoked";
  merchantName: string;
  email: string;
  role: MemberRole;
  hasAccount: boolean;
};

/** What the invitation page shows; an unknown token is NOT_FOUND. */
export async function previewInvitation(token: string, now = new Date()): Promise<InvitationPreview> {
  const parsed = invitationTokenSchema.safeParse(token);
  if (!parsed.success) throw new AppError("NOT_FOUND", NOT_VALID);
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(parsed.data) },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, merchant: { select: { businessName: true } } },
  });
  if (!invitation) throw new AppError("NOT_FOUND", NOT_VALID);
  const account = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  const state = invitation.acceptedAt ? "used" : invitation.revokedAt ? "revoked" : invitation.expiresAt <= now ? "expired" : "open";
  return { state, merchantName: invitation.merchant.businessName, email: invitation.email, role: invitation.role as MemberRole, hasAccount: !!account };
}

async function claim(tx: Tx, token: string, userId: string | null) {
  const tokenHash = hashInvitationToken(token);
  const now = new Date();
  const claimed = await tx.invitation.updateMany({
    where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now, acceptedById: userId },
  });
  if (claimed.count !== 1) throw new AppError("INVALID_STATE", NOT_VALID);
  return tx.invitation.findUniqueOrThrow({ where: { tokenHash }, select: { id: true, merchantId: true, email: true, role: true } });
}

async function join(tx: Tx, invitation: { id: string; merchantId: string; role: string }, userId: string, ip?: string) {
  await tx.membership.create({ data: { userId, merchantId: invitation.merchantId, role: invitation.role } });
  // The merchant they just joined becomes the one they act for.
  await tx.user.update({ where: { id: userId }, data: { activeMerchantId: invitation.merchantId } });
  await recordAudit(tx, {
    actor: { type: "USER", id: userId, ...(ip ? { ip } : {}) },
    action: "team.joined",
    targetType: "user",
    targetId: userId,
    merchantId: invitation.merchantId,
    metadata: { role: invitation.role, invitationId: invitation.id },
  });
}

/** A person without a login: creates it (password at least 10 characters) and joins. */
export async function acceptInvitationAsNewUser(raw: { token: string; name: string; password: string }, context: { ip?: string } = {}) {
  const parsed = newMemberSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "Invalid input");
  const { token, name, password } = parsed.data;
  // A token that cannot be used is refused before the (deliberately slow) password hash.
  const open = await db.invitation.findFirst({ where: { tokenHash: hashInvitationToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, select: { id: true } });
  if (!open) throw new AppError("INVALID_STATE", NOT_VALID);
  const passwordHash = await hashPassword(password);
  try {
    return await transaction(async (tx) => {
      const invitation = await claim(tx, token, null);
      const taken = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
      if (taken) throw new AppError("CONFLICT", "Email ini sudah punya akun: masuk dulu, lalu buka tautan lagi / This email already has an account: sign in, then open the link again");
      const user = await tx.user.create({
        // The link came to this address: opening it verifies the email.
        data: { email: invitation.email, name, passwordHash, role: "MERCHANT", merchantId: invitation.merchantId, emailVerifiedAt: new Date() },
        select: { id: true, email: true },
      });
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: user.id } });
      await join(tx, invitation, user.id, context.ip);
      return { userId: user.id, email: user.email, merchantId: invitation.merchantId };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("CONFLICT", "Email ini sudah punya akun / This email already has an account");
    throw error;
  }
}

/** A signed-in person whose email the invitation was sent to joins the merchant. */
export async function acceptInvitationAsUser(options: { token: string; userId: string; ip?: string }) {
  const parsed = invitationTokenSchema.safeParse(options.token);
  if (!parsed.success) throw new AppError("VALIDATION", NOT_VALID);
  try {
    return await transaction(async (tx) => {
      const invitation = await claim(tx, parsed.data, options.userId);
      const user = await tx.user.findUnique({ where: { id: options.userId }, select: { email: true, role: true } });
      if (!user || user.email !== invitation.email) {
        throw new AppError("FORBIDDEN", "Undangan ini untuk email lain: masuk dengan email yang diundang / This invitation is for another email: sign in with the invited one");
      }
      if (user.role !== "MERCHANT") throw new AppError("FORBIDDEN", "Akun admin tidak bisa bergabung dengan merchant / An admin account cannot join a merchant");
      const member = await tx.membership.findUnique({ where: { userId_merchantId: { userId: options.userId, merchantId: invitation.merchantId } }, select: { id: true } });
      if (member) throw new AppError("CONFLICT", "Anda sudah menjadi anggota merchant ini / You are already a member of this merchant");
      await join(tx, invitation, options.userId, options.ip);
      return { merchantId: invitation.merchantId };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("CONFLICT", "Anda sudah menjadi anggota merchant ini / You are already a member of this merchant");
    throw error;
  }
}
