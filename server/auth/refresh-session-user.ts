// Sessions follow the database. The JWT next-auth signs says who signed in (for up to 12 hours);
// what they may do — role, merchant, the merchant's status — is read from the database and kept
// in this process for SESSION_REFRESH_SECONDS (default 30). So a demoted admin, a user moved or
// deleted, or a suspended merchant loses access within that time in the portal (getSession) and
// in tRPC (authedProcedure), without waiting for the token to expire. The cache is only a
// shortcut: every process reads the database on its own, so nothing depends on it being shared.
import { db } from "../db";
import { env } from "../env";
import type { SessionUser } from "./verify-login";

export type SessionCheck = { ok: true; user: SessionUser } | { ok: false; reason: "gone" | "suspended" };

type Cached = { at: number; check: Promise<SessionCheck> };

const MAX_CACHED = 10_000;
const cache = new Map<string, Cached>();

async function load(userId: string): Promise<SessionCheck> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, merchantId: true, locale: true, merchant: { select: { status: true } } },
  });
  if (!user) return { ok: false, reason: "gone" };
  const role = user.role === "ADMIN" ? "ADMIN" : "MERCHANT";
  // A merchant user whose merchant is suspended has no session; one without a merchant (an admin
  // demoted) keeps a session that merchant and admin procedures both refuse.
  if (role === "MERCHANT" && user.merchant && user.merchant.status !== "ACTIVE") return { ok: false, reason: "suspended" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role, merchantId: user.merchantId, locale: user.locale } };
}

/**
 * The session's user as the database has it now (at most SESSION_REFRESH_SECONDS old), or why
 * the session no longer admits anyone: the user is gone, or its merchant is not active.
 */
export function refreshSessionUser(user: Pick<SessionUser, "id">): Promise<SessionCheck> {
  const ttlMs = env.SESSION_REFRESH_SECONDS * 1000;
  const now = Date.now();
  const hit = cache.get(user.id);
  if (hit && now - hit.at < ttlMs) return hit.check;
  const check = load(user.id);
  if (ttlMs > 0) {
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(user.id, { at: now, check });
    // A failed read is not remembered: the next request asks again.
    check.catch(() => {
      if (cache.get(user.id)?.check === check) cache.delete(user.id);
    });
  }
  return check;
}

