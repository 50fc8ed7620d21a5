import { resolveActiveMembership } from "../auth/resolve-membership";
import { db } from "../db";

export type TwoFactorOverview = {
  enrolled: boolean;
  /** This user must have two-factor: an admin, or their merchant requires it. */
  required: boolean;
  /** The active merchant's "require two-factor for every user" switch (null for an admin). */
  teamRequired: boolean | null;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
};

/** What the two-factor page and the settings show about the signed-in user (read fresh). */
export async function getTwoFactorOverview(userId: string): Promise<TwoFactorOverview> {
  const [user, row, recoveryCodesLeft, active] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { role: true, memberships: { select: { merchantId: true, merchant: { select: { requireTwoFactor: true } } } } } }),
    db.userTwoFactor.findUnique({ where: { userId }, select: { enabledAt: true } }),
    db.twoFactorRecoveryCode.count({ where: { userId, usedAt: null } }),
    resolveActiveMembership(userId),
  ]);
  const enrolled = Boolean(row?.enabledAt);
  const memberships = user?.memberships ?? [];
  const activeMembership = active ? memberships.find((m) => m.merchantId === active.merchantId) : undefined;
  const teamRequired = activeMembership ? activeMembership.merchant.requireTwoFactor : null;
  return {
    enrolled,
    // Any merchant the person belongs to may require it (as two-factor-status.ts decides).
    required: user?.role === "ADMIN" || memberships.some((m) => m.merchant.requireTwoFactor),
    teamRequired,
    enabledAt: row?.enabledAt ?? null,
    recoveryCodesLeft: enrolled ? recoveryCodesLeft : 0,
  };
}
