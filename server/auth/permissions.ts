// Who may do what. Merchant members hold one role per merchant (Membership.role); admins hold a
// staff role (User.staffRole). Every merchant tRPC procedure declares one MemberPermission and
// every admin procedure one StaffPermission (server/trpc/init.ts); pages ask `can` / `staffCan`
// to hide what the role cannot do. REST routes act for an API key and are not affected.

export const MEMBER_ROLES = ["owner", "finance", "developer", "viewer"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEMBER_PERMISSIONS = ["view", "pay_in", "withdraw", "developer", "manage"] as const;
export type MemberPermission = (typeof MEMBER_PERMISSIONS)[number];

/**
 * view: balances, history, statements · pay_in: top-ups, invoices, payment links ·
 * withdraw: withdrawals, batch payouts, prepaid purchases (money leaving the balance) ·
 * developer: API keys, webhooks, prepaid API credentials · manage: team, treasury settings, mandates.
 */
export const MEMBER_MATRIX: Record<MemberPermission, readonly MemberRole[]> = {
  view: ["owner", "finance", "developer", "viewer"],
  pay_in: ["owner", "finance", "developer"],
  withdraw: ["owner", "finance"],
  developer: ["owner", "developer"],
  manage: ["owner"],
};

export function can(role: MemberRole | null | undefined, permission: MemberPermission): boolean {
  return !!role && MEMBER_MATRIX[permission].includes(role);
}

export function isMemberRole(value: unknown): value is MemberRole {
  return typeof value === "string" && (MEMBER_ROLES as readonly string[]).includes(value);
}

export const STAFF_ROLES = ["superadmin", "approver", "support"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_PERMISSIONS = ["staff_view", "approve", "review", "settings", "staff_manage"] as const;
export type StaffPermission = (typeof STAFF_PERMISSIONS)[number];

/**
 * staff_view: read-only merchant view, queues, ledger, audit log · approve: the withdrawal desk and
 * balance adjustments (maker-checker still needs two admins) · review: bank mutations and payments
 * held for review · settings: suspension, auto-approve limits, the product catalogue ·
 * staff_manage: the Staff page.
 */
export const STAFF_MATRIX: Record<StaffPermission, readonly StaffRole[]> = {
  staff_view: ["superadmin", "approver", "support"],
  approve: ["superadmin", "approver"],
  review: ["superadmin", "support"],
  settings: ["superadmin"],
  staff_manage: ["superadmin"],
};

export function staffCan(role: StaffRole | null | undefined, permission: StaffPermission): boolean {
  return !!role && STAFF_MATRIX[permission].includes(role);
}

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (STAFF_ROLES as readonly string[]).includes(value);
}

export const ROLE_REFUSED = "Peran Anda tidak mengizinkan ini / Your role does not allow this";
