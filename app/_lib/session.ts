import "server-only";
import { notFound, redirect } from "next/navigation";
import { getSession } from "@/server/auth/options";
import { getTwoFactorStatus, isBlockedByTwoFactor } from "@/server/two-factor/two-factor-status";
import { can, staffCan, type MemberPermission, type StaffPermission } from "@/server/auth/permissions";
import { resolveActiveMembership, resolveStaffRole } from "@/server/auth/resolve-membership";

export const TWO_FACTOR_PAGE = "/security/two-factor";

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
  // The merchant's owner requires two-factor and this user has none yet: enrolment first.
  if (isBlockedByTwoFactor(await getTwoFactorStatus(session.user.id))) redirect(`${TWO_FACTOR_PAGE}?required=1`);
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
  // Every admin has two-factor; one without it enrols before seeing any admin page.
  if (!(await getTwoFactorStatus(session.user.id)).enrolled) redirect(`${TWO_FACTOR_PAGE}?required=1`);
  return { ...session.user, staffRole, staffCan: (permission: StaffPermission) => staffCan(staffRole, permission) };
}

/** Any signed-in user (the account pages both roles share). */
export async function requireUser() {
  const session = await getSession();
  if (!session?.user) redirect("/login");
  return session.user;
}

/** A page for anyone signed in (merchant or admin), e.g. the Security page. */
export async function requireSignedIn() {
  const session = await getSession();
  if (!session?.user) redirect("/login");
  return session.user;
}
