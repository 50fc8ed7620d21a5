// "Change password" on the Security page: the current password first, the rules for the new
// one, and every other session signed out (this one stays).
import { recordAudit, type Actor } from "../audit";
import { db, transaction } from "../db";
import { AppError } from "../errors";
import { assertPasswordAllowed } from "./password-rules";
import { hashPassword, verifyPassword } from "./passwords";
import { forgetCachedSessions } from "./refresh-session-user";
import { revokeSessionsInTx } from "./revoke-user-sessions";

export async function changePassword(opts: {
  userId: string;
  currentSessionId: string;
  currentPassword: string;
  newPassword: string;
  actor: Actor;
  now?: Date;
}): Promise<{ revokedSessions: number }> {
  const now = opts.now ?? new Date();
  const user = await db.user.findUnique({ where: { id: opts.userId }, select: { id: true, passwordHash: true, merchantId: true } });
  if (!user) throw new AppError("NOT_FOUND", "Pengguna tidak ditemukan / User not found");
  if (!(await verifyPassword(opts.currentPassword, user.passwordHash))) {
    throw new AppError("VALIDATION", "Kata sandi saat ini salah / The current password is wrong", { field: "currentPassword" });
  }
  assertPasswordAllowed(opts.newPassword);
  const passwordHash = await hashPassword(opts.newPassword);
  const revokedSessions = await transaction(async (tx) => {
    // Guarded on the hash just checked: two changes at once do not both win.
    const changed = await tx.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash } });
    if (changed.count !== 1) throw new AppError("CONFLICT", "Kata sandi baru saja diubah; coba lagi / The password was just changed; try again");
    const count = await revokeSessionsInTx(tx, { userId: user.id, keepSessionId: opts.currentSessionId, now });
    await recordAudit(tx, {
      actor: opts.actor,
      action: "auth.password_changed",
      targetType: "user",
      targetId: user.id,
      merchantId: user.merchantId ?? undefined,
      metadata: { revokedSessions: count },
    });
    return count;
  });
  forgetCachedSessions(user.id);
  return { revokedSessions };
}
