// Whether a user has two-factor sign-in, and whether they must: every admin must, and every user
// of a merchant whose owner turned on `requireTwoFactor`. Read by the admin layout and
// adminProcedure (an admin without TOTP reaches nothing), the portal layout (sent to enrolment)
// and the portal's withdrawal request. Kept per process for SESSION_REFRESH_SECONDS like the
// session user, except that a user found blocked is read again each time, so enrolling
// unblocks them at once in every process.
import { db } from "../db";
import { env } from "../env";

export type TwoFactorStatus = {
  enrolled: boolean;
  /** An admin, or a user whose merchant requires two-factor for everyone. */
  required: boolean;
};

const cache = new Map<string, { at: number; status: TwoFactorStatus }>();
const MAX_CACHED = 10_000;

async function load(userId: string): Promise<TwoFactorStatus> {
  const [user, twoFactor] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { role: true, memberships: { select: { merchant: { select: { requireTwoFactor: true } } } } } }),
    db.userTwoFactor.findUnique({ where: { userId }, select: { enabledAt: true } }),
  ]);
  return {
    enrolled: Boolean(twoFactor?.enabledAt),
    // Any merchant the person belongs to may require it: one login, one rule.
    required: user?.role === "ADMIN" || Boolean(user?.memberships.some((m) => m.merchant.requireTwoFactor)),
  };
}

export async function getTwoFactorStatus(userId: string, { fresh = false }: { fresh?: boolean } = {}): Promise<TwoFactorStatus> {
  const now = Date.now();
  const hit = cache.get(userId);
  const ttlMs = env.SESSION_REFRESH_SECONDS * 1000;
  if (!fresh && hit && now - hit.at < ttlMs && !(hit.status.required && !hit.status.enrolled)) return hit.status;
  const status = await load(userId);
  if (ttlMs > 0) {
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(userId, { at: now, status });
  }
  return status;
}

/** Drops this process's copy after a change (enrol, disable, the merchant's setting). */
export function forgetTwoFactorStatus(userId?: string) {
  if (userId) cache.delete(userId);
  else cache.clear();
}

export function isBlockedByTwoFactor(status: TwoFactorStatus): boolean {
  return status.required && !status.enrolled;
}
