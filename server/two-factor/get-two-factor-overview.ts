import { db } from "../db";

export type TwoFactorOverview = {
  enrolled: boolean;
  /** This user must have two-factor: an admin, or their merchant requires it. */
  required: boolean;
  /** The merchant's "require two-factor for every user" switch (null for an admin). */
  teamRequired: boolean | null;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
};

/** What the two-factor page and the settings show about the signed-in user (read fresh). */
export async function getTwoFactorOverview(userId: string): Promise<TwoFactorOverview> {
  const [user, row, recoveryCodesLeft] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { role: true, merchant: { select: { requireTwoFactor: true } } } }),
    db.userTwoFactor.findUnique({ where: { userId }, select: { enabledAt: true } }),
    db.twoFactorRecoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  const enrolled = Boolean(row?.enabledAt);
  const teamRequired = user?.merchant ? user.merchant.requireTwoFactor : null;
  return {
    enrolled,
    required: user?.role === "ADMIN" || Boolean(teamRequired),
    teamRequired,
    enabledAt: row?.enabledAt ?? null,
    recoveryCodesLeft: enrolled ? recoveryCodesLeft : 0,
  };
}
