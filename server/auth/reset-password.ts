// The reset link's form: a new password (the rules apply), the token used once, and every
// session of the user revoked — whoever knew the old password is signed out everywhere.
import { recordAudit } from "../audit";
import { db, transaction } from "../db";
import { AppError } from "../errors";
import { accountTokenUsable, consumeAccountToken } from "./account-tokens";
import { assertPasswordAllowed } from "./password-rules";
import { hashPassword } from "./passwords";
import { forgetCachedSessions } from "./refresh-session-user";
import { revokeSessionsInTx } from "./revoke-user-sessions";

export const RESET_LINK_INVALID = "Tautan ini sudah dipakai atau kedaluwarsa; minta tautan baru / This link was already used or has expired; ask for a new one";

/** Whether a reset link still works (the page shows the form, or the "ask again" message). */
export function passwordResetLinkUsable(token: string, now = new Date()): Promise<boolean> {
  return accountTokenUsable(db, { token, purpose: "password-reset", now });
}

export async function resetPassword(opts: { token: string; password: string; ip?: string; now?: Date }): Promise<{ userId: string; revokedSessions: number }> {
  const now = opts.now ?? new Date();
  assertPasswordAllowed(opts.password);
  const passwordHash = await hashPassword(opts.password);
  const result = await transaction(async (tx) => {
    const owner = await consumeAccountToken(tx, { token: opts.token, purpose: "password-reset", now });
    if (!owner) throw new AppError("INVALID_STATE", RESET_LINK_INVALID, { reason: "link_invalid" });
    const user = await tx.user.findUniqueOrThrow({ where: { id: owner.userId }, select: { id: true, merchantId: true, emailVerifiedAt: true } });
    // The link arrived in the mailbox, which also proves the address is theirs.
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, ...(user.emailVerifiedAt ? {} : { emailVerifiedAt: now }) } });
    const revokedSessions = await revokeSessionsInTx(tx, { userId: user.id, now });
    await recordAudit(tx, {
      actor: { type: "USER", id: user.id },
      action: "auth.password_reset",
      targetType: "user",
      targetId: user.id,
      merchantId: user.merchantId ?? undefined,
      ip: opts.ip,
      metadata: { revokedSessions },
    });
    return { userId: user.id, revokedSessions };
  });
  forgetCachedSessions(result.userId);
  return result;
}
