// Ending sessions: one (the Security page's "sign out", or signing out), all others ("sign out
// all other sessions", a password change), or all (a password reset). Each is one guarded update
// (revokedAt still null), then this process forgets its cached answers so the revocation counts
// here at once; other processes see it within SESSION_REFRESH_SECONDS.
import { recordAudit, type Actor } from "../audit";
import { transaction, type Tx } from "../db";
import { AppError } from "../errors";
import { forgetCachedSessions } from "./refresh-session-user";

/** Inside a caller's transaction: revokes every open session of the user except `keep`. Call forgetCachedSessions after the commit. */
export async function revokeSessionsInTx(tx: Tx, opts: { userId: string; keepSessionId?: string; now: Date }): Promise<number> {
  const result = await tx.userSession.updateMany({
    where: { userId: opts.userId, revokedAt: null, ...(opts.keepSessionId ? { id: { not: opts.keepSessionId } } : {}) },
    data: { revokedAt: opts.now },
  });
  return result.count;
}

/** Signs out one of the user's own sessions. Another user's session id is "not found". */
export async function revokeUserSession(opts: { userId: string; sessionId: string; actor: Actor; now?: Date }): Promise<{ revoked: boolean }> {
  const now = opts.now ?? new Date();
  const revoked = await transaction(async (tx) => {
    const session = await tx.userSession.findUnique({ where: { id: opts.sessionId }, select: { userId: true } });
    if (!session || session.userId !== opts.userId) throw new AppError("NOT_FOUND", "Sesi tidak ditemukan / Session not found");
    const result = await tx.userSession.updateMany({ where: { id: opts.sessionId, revokedAt: null }, data: { revokedAt: now } });
    if (result.count === 1) {
      await recordAudit(tx, { actor: opts.actor, action: "auth.session_revoked", targetType: "user_session", targetId: opts.sessionId });
    }
    return result.count === 1;
  });
  forgetCachedSessions(opts.userId);
  return { revoked };
}

/** "Sign out all other sessions": every open session of the user but the current one. */
export async function revokeOtherUserSessions(opts: { userId: string; currentSessionId: string; actor: Actor; now?: Date }): Promise<{ revoked: number }> {
  const now = opts.now ?? new Date();
  const revoked = await transaction(async (tx) => {
    const count = await revokeSessionsInTx(tx, { userId: opts.userId, keepSessionId: opts.currentSessionId, now });
    if (count > 0) {
      await recordAudit(tx, { actor: opts.actor, action: "auth.sessions_revoked", targetType: "user", targetId: opts.userId, metadata: { count, kept: opts.currentSessionId } });
    }
    return count;
  });
  forgetCachedSessions(opts.userId);
  return { revoked };
}

/** Signing out: the session of the cookie being cleared ends for good. */
export async function endUserSession(opts: { sessionId: string; now?: Date }): Promise<void> {
  const now = opts.now ?? new Date();
  const ended = await transaction(async (tx) => {
    const session = await tx.userSession.findUnique({ where: { id: opts.sessionId }, select: { userId: true } });
    if (!session) return null;
    await tx.userSession.updateMany({ where: { id: opts.sessionId, revokedAt: null }, data: { revokedAt: now } });
    return session.userId;
  });
  if (ended) forgetCachedSessions(ended);
}
