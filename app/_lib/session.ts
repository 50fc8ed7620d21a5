import "server-only";
import { notFound, redirect } from "next/navigation";
import { getSession } from "@/server/auth/options";
import { can, staffCan, type MemberPermission, type StaffPermission } from "@/server/auth/permissions";
import { resolveActiveMembership, resolveStaffRole } from "@/server/auth/resolve-membership";

/**
 * A merchant page: guests go to the login page, admins to their own area. The active merchant
 * and the role there are read from the memberships on every request (never from the client);
 * someone who belongs to no merchant any more is told so.
 */
export async function requireMerchant() {
  const session = await getSession();
  if (!session?.user) redirect("/login");
  if (session.user.role !== "MERCHANT") redirect("/admin");
  const active = await resolveActiveMembership(session.user.id);
  if (!active) redirect("/no-merchant");
  if (active.merchantStatus !== "ACTIVE") redirect("/no-merchant?reason=suspended");
  return {
    ...session.user,
    merchantId: active.merchantId,
    memberRole: active.role,
    merchants: active.merchants,
    can: (permission: MemberPermission) => can(active.role, permission),
  };
}

/** An admin page: guests go to the login page; a merchant gets a 404, never the page. */
export async function requireAdmin() {
  const session = await getSession();
  if (!session?.user) redirect("/login");
  if (session.user.role !== "ADMIN") notFound();
  const staffRole = await resolveStaffRole(session.user.id);
  if (!staffRole) notFound();
  return { ...session.user, staffRole, staffCan: (permission: StaffPermission) => staffCan(staffRole, permission) };
}
