// The team of one merchant: its members (oldest first) and, for owners, pending invitations.
import { db } from "../db";
import type { MemberRole } from "../auth/permissions";

export type TeamMember = { userId: string; name: string; email: string; role: MemberRole; joinedAt: Date };

export async function listMembers(merchantId: string): Promise<TeamMember[]> {
  const rows = await db.membership.findMany({
    where: { merchantId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((r) => ({ userId: r.user.id, name: r.user.name, email: r.user.email, role: r.role as MemberRole, joinedAt: r.createdAt }));
}

export type PendingInvitation = { id: string; email: string; role: MemberRole; createdAt: Date; expiresAt: Date; expired: boolean };

/** Invitations neither accepted nor revoked, newest first; expired ones stay listed (to resend or revoke). */
export async function listPendingInvitations(merchantId: string, now = new Date()): Promise<PendingInvitation[]> {
  const rows = await db.invitation.findMany({
    where: { merchantId, acceptedAt: null, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
  });
  return rows.map((r) => ({ ...r, role: r.role as MemberRole, expired: r.expiresAt <= now }));
}
