// The merchant a signed-in person acts for now, and their role there, read from the database on
// every request (no cache): removing a member or changing a role takes effect on the next call.
// The active merchant is User.activeMerchantId when it is still one of their memberships,
// otherwise their first membership. A merchant id from the client is never trusted.
import { db } from "../db";
import { isMemberRole, isStaffRole, type MemberRole, type StaffRole } from "./permissions";

export type MerchantChoice = { merchantId: string; businessName: string; role: MemberRole; merchantStatus: string };
export type ActiveMembership = MerchantChoice & { merchants: MerchantChoice[] };

export async function resolveActiveMembership(userId: string): Promise<ActiveMembership | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      activeMerchantId: true,
      memberships: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { merchantId: true, role: true, merchant: { select: { businessName: true, status: true } } },
      },
    },
  });
  if (!user) return null;
  const merchants: MerchantChoice[] = user.memberships
    .filter((m) => isMemberRole(m.role))
    .map((m) => ({ merchantId: m.merchantId, businessName: m.merchant.businessName, role: m.role as MemberRole, merchantStatus: m.merchant.status }));
  const active = merchants.find((m) => m.merchantId === user.activeMerchantId) ?? merchants[0];
  return active ? { ...active, merchants } : null;
}

/**
 * The staff role of someone the (refreshed) session says is an admin; callers check that first,
 * so whether they are an admin at all follows SESSION_REFRESH_SECONDS like every other session
 * fact, while the staff role is read afresh. An admin row without one (made by a script or a test
 * before staff roles existed) counts as a superadmin, as the migration made every existing
 * admin; the Staff page always writes one.
 */
export async function resolveStaffRole(userId: string): Promise<StaffRole | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { staffRole: true } });
  if (!user) return null;
  if (user.staffRole == null) return "superadmin";
  return isStaffRole(user.staffRole) ? user.staffRole : null;
}
