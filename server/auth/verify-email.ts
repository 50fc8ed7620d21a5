// The verification link: used once, it marks the user's email verified.
import { recordAudit } from "../audit";
import { db, transaction } from "../db";
import { AppError } from "../errors";
import { consumeAccountToken, hashToken, looksLikeToken } from "./account-tokens";

export type VerifyEmailResult = "verified" | "already_verified" | "invalid";

export async function verifyEmail(opts: { token: string; ip?: string; now?: Date }): Promise<VerifyEmailResult> {
  const now = opts.now ?? new Date();
  const verified = await transaction(async (tx) => {
    const owner = await consumeAccountToken(tx, { token: opts.token, purpose: "email-verify", now });
    if (!owner) return false;
    const user = await tx.user.findUniqueOrThrow({ where: { id: owner.userId }, select: { merchantId: true } });
    await tx.user.updateMany({ where: { id: owner.userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    await recordAudit(tx, { actor: { type: "USER", id: owner.userId }, action: "auth.email_verified", targetType: "user", targetId: owner.userId, merchantId: user.merchantId ?? undefined, ip: opts.ip });
    return true;
  });
  if (verified) return "verified";
  // A second click of a link that worked: say so kindly rather than "invalid".
  if (looksLikeToken(opts.token)) {
    const row = await db.accountToken.findUnique({ where: { tokenHash: hashToken(opts.token) }, select: { purpose: true, userId: true } });
    if (row?.purpose === "email-verify") {
      const user = await db.user.findUnique({ where: { id: row.userId }, select: { emailVerifiedAt: true } });
      if (user?.emailVerifiedAt) return "already_verified";
    }
  }
  return "invalid";
}

/** Whether the user has verified their email (the portal's banner). */
export async function emailVerified(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  return Boolean(user?.emailVerifiedAt);
}

/** Portal withdrawals wait for a verified email (API-key REST calls are not affected). */
export async function assertEmailVerified(userId: string): Promise<void> {
  if (!(await emailVerified(userId))) {
    throw new AppError("FORBIDDEN", "Verifikasi email Anda dulu sebelum menarik dana / Verify your email before requesting a withdrawal", { reason: "email_unverified" });
  }
}
