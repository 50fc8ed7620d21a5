// Sessions follow the database. The JWT next-auth signs says who signed in (for up to 12 hours)
// and which UserSession that sign-in is; what they may do — role, merchant, the merchant's
// status — and whether the session is still open are read from the database and kept in this
// process for SESSION_REFRESH_SECONDS (default 30). So a demoted admin, a user moved or deleted,
// a suspended merchant, or a signed-out / revoked / expired session loses access within that
// time in the portal (getSession) and in tRPC (authedProcedure), without waiting for the token
// to expire. Revoking in this process drops the cached answer at once (forgetCachedSessions).
// The cache is only a shortcut: every process reads the database on its own.
import { db } from "../db";
import { env } from "../env";
import type { SessionUser } from "./verify-login";

export type SessionCheck = { ok: true; user: SessionUser } | { ok: false; reason: "gone" | "suspended" | "revoked" };

type Cached = { at: number; check: Promise<SessionCheck> };

const MAX_CACHED = 10_000;
/** lastSeenAt is written at most this often per session. */
const TOUCH_INTERVAL_MS = 60_000;
/** A session in use stays open this long after its last use (the JWT's own lifetime). */
const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const cache = new Map<string, Cached>();
const cacheKey = (userId: string, sessionId: string | undefined) => `${userId}|${sessionId ?? ""}`;

async function checkSession(userId: string, sessionId: string): Promise<boolean> {
  const now = new Date();
  const session = await db.userSession.findUnique({ where: { id: sessionId }, select: { userId: true, revokedAt: true, expiresAt: true, lastSeenAt: true } });
  if (!session || session.userId !== userId || session.revokedAt || session.expiresAt <= now) return false;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    // Guarded, so processes touching the same session at once write it once, and never reopen a revoked one.
    await db.userSession.updateMany({
      where: { id: sessionId, revokedAt: null, lastSeenAt: { lt: new Date(now.getTime() - TOUCH_INTERVAL_MS) } },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_IDLE_MS) },
    });
  }
  return true;
}

async function load(userId: string, sessionId: string | undefined): Promise<SessionCheck> {
  const [user, open] = await Promise.all([
    db.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, name: true, role: true, merchantId: true, locale: true, merchant: { select: { status: true } } },
    }),
    sessionId ? checkSession(userId, sessionId) : Promise.resolve(true),
  ]);
  if (!user) return { ok: false, reason: "gone" };
  if (!open) return { ok: false, reason: "revoked" };
  const role = user.role === "ADMIN" ? "ADMIN" : "MERCHANT";
  // A merchant user whose merchant is suspended has no session; one without a merchant (an admin
  // demoted) keeps a session that merchant and admin procedures both refuse.
  if (role === "MERCHANT" && user.merchant && user.merchant.status !== "ACTIVE") return { ok: false, reason: "suspended" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role, merchantId: user.merchantId, locale: user.locale } };
}

/**
 * The session's user as the database has it now (at most SESSION_REFRESH_SECONDS old), or why
 * the session no longer admits anyone: the user is gone, its merchant is not active, or the
 * session (`sessionId`) was signed out, revoked or has expired. Cookies without a session id
 * (issued before sessions were recorded) are refused by getSession before they get here.
 */
export function refreshSessionUser(user: Pick<SessionUser, "id"> & { sessionId?: string }): Promise<SessionCheck> {
  const ttlMs = env.SESSION_REFRESH_SECONDS * 1000;
  const now = Date.now();
  const key = cacheKey(user.id, user.sessionId);
  const hit = cache.get(key);
  if (hit && now - hit.at < ttlMs) return hit.check;
  const check = load(user.id, user.sessionId);
  if (ttlMs > 0) {
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, { at: now, check });
    // A failed read is not remembered: the next request asks again.
    check.catch(() => {
      if (cache.get(key)?.check === check) cache.delete(key);
    });
  }
  return check;
}

/** Drops this process's cached answers for a user's sessions, so a revocation here counts at once. */
export function forgetCachedSessions(userId: string): void {
  const prefix = `${userId}|`;
  for (const key of cache.keys()) if (key.startsWith(prefix)) cache.delete(key);
}
