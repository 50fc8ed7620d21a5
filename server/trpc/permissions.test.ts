// The permission matrix over every tRPC procedure of the root router. Each procedure records
// what it requires in its meta (server/trpc/init.ts); this table is the reviewed list. A new
// procedure without a declaration, or one whose declaration differs from the table, fails here.
// Then every member procedure is called as each role, and every staff procedure as each staff
// role: FORBIDDEN exactly where the matrix says no (the permission check runs before the input
// is parsed, so a call with no input is refused or gets as far as input validation).
import { TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import { beforeAll, describe, expect, it } from "vitest";
import { createMerchant, enrolTwoFactor } from "../../tests/helpers/fixtures";
import { can, MEMBER_ROLES, ROLE_REFUSED, STAFF_ROLES, staffCan, type MemberPermission, type MemberRole, type StaffPermission, type StaffRole } from "../auth/permissions";
import type { SessionUser } from "../auth/verify-login";
import { db } from "../db";
import { appRouter, createCaller } from "./root";
import type { ProcedureAccess } from "./init";

const EXPECTED: Record<string, string> = {
  "auth.register": "public",
  "auth.setLocale": "authed",
  "wallet.summary": "member:view",
  "wallet.history": "member:view",
  "wallet.journal": "member:view",
  "deposits.methods": "member:view",
  "deposits.create": "member:pay_in",
  "deposits.list": "member:view",
  "deposits.get": "member:view",
  "deposits.cancel": "member:pay_in",
  "deposits.sandbox": "public",
  "deposits.watch": "public",
  "deposits.forPayer": "public",
  "withdrawals.methods": "member:view",
  "withdrawals.request": "member:withdraw",
  "withdrawals.list": "member:view",
  "withdrawals.get": "member:view",
  "withdrawals.balance": "member:view",
  "prepaid.catalogue": "member:view",
  "prepaid.buyable": "member:view",
  "prepaid.buy": "member:withdraw",
  "prepaid.inquiryPln": "member:withdraw",
  "prepaid.orders": "member:view",
  "prepaid.watch": "member:view",
  "prepaid.credentials": "member:developer",
  "prepaid.regenerateKey": "member:developer",
  "prepaid.setUsername": "member:developer",
  "prepaid.setIpAllowlist": "member:developer",
  "treasury.overview": "member:view",
  "treasury.setThreshold": "member:manage",
  "treasury.createMandate": "member:manage",
  "treasury.confirmMandate": "member:manage",
  "treasury.changeMandate": "member:manage",
  "treasury.createSweepRule": "member:manage",
  "treasury.setSweepRuleActive": "member:manage",
  "treasury.runSweepNow": "member:manage",
  "treasury.simulateSettlement": "member:pay_in",
  "treasury.notifications": "member:view",
  "treasury.unread": "member:view",
  "treasury.markRead": "member:view",
  "treasury.statement": "member:view",
  "apiKeys.list": "member:developer",
  "apiKeys.create": "member:developer",
  "apiKeys.revoke": "member:developer",
  "webhooks.endpoint": "member:developer",
  "webhooks.saveEndpoint": "member:developer",
  "webhooks.rotateSecret": "member:developer",
  "webhooks.sendTest": "member:developer",
  "webhooks.deliveries": "member:developer",
  "webhooks.resend": "member:developer",
  "webhooks.health": "member:developer",
  "docs.prepaidSign": "member:developer",
  "docs.consoleKey": "member:developer",
  "docs.sendSampleCallback": "member:developer",
  "insights.charts": "member:view",
  "insights.summary": "member:view",
  "insights.adminOverview": "staff:staff_view",
  "receipts.get": "member:view",
  "receipts.verify": "public",
  "team.members": "member:view",
  "team.me": "member:view",
  "team.invitations": "member:manage",
  "team.invite": "member:manage",
  "team.resendInvitation": "member:manage",
  "team.revokeInvitation": "member:manage",
  "team.changeRole": "member:manage",
  "team.remove": "member:manage",
  "team.leave": "member:view",
  "team.switchMerchant": "authed",
  "team.previewInvitation": "public",
  "team.acceptAsNewUser": "public",
  "team.acceptAsUser": "authed",
  "merchants.list": "staff:staff_view",
  "merchants.get": "staff:staff_view",
  "merchants.ledger": "staff:staff_view",
  "merchants.deposits": "staff:staff_view",
  "merchants.withdrawals": "staff:staff_view",
  "merchants.setSuspension": "staff:settings",
  "merchants.adjustBalance": "staff:approve",
  "merchants.adjustmentRequests": "staff:staff_view",
  "merchants.approveAdjustment": "staff:approve",
  "merchants.rejectAdjustment": "staff:approve",
  "merchants.setAutoApprove": "staff:settings",
  "withdrawalDesk.queue": "staff:staff_view",
  "withdrawalDesk.queueMerchants": "staff:staff_view",
  "withdrawalDesk.approvalRule": "staff:staff_view",
  "withdrawalDesk.recentlyDecided": "staff:staff_view",
  "withdrawalDesk.payoutReviews": "staff:staff_view",
  "withdrawalDesk.methods": "staff:staff_view",
  "withdrawalDesk.get": "staff:staff_view",
  "withdrawalDesk.approve": "staff:approve",
  "withdrawalDesk.bulk": "staff:approve",
  "withdrawalDesk.reject": "staff:approve",
  "withdrawalDesk.resolveProcessing": "staff:approve",
  "bankMutations.list": "staff:staff_view",
  "bankMutations.paymentReviews": "staff:staff_view",
  "bankMutations.assign": "staff:review",
  "bankMutations.reviewCandidates": "staff:staff_view",
  "bankMutations.resolveReview": "staff:review",
  "auditLog.list": "staff:staff_view",
  "auditLog.actions": "staff:staff_view",
  "productCatalogue.list": "staff:staff_view",
  "productCatalogue.update": "staff:settings",
  "productCatalogue.refreshFromSupplier": "staff:settings",
  "staff.me": "staff:staff_view",
  "staff.list": "staff:staff_manage",
  "staff.setRole": "staff:staff_manage",
  "staff.create": "staff:staff_manage",
  // One's own account: sessions, password, verification, two-factor.
  "account.status": "authed",
  "account.sessions": "authed",
  "account.signIns": "authed",
  "account.revokeSession": "authed",
  "account.revokeOtherSessions": "authed",
  "account.changePassword": "authed",
  "account.resendVerification": "authed",
  "account.requestPasswordReset": "public",
  "account.resetLinkUsable": "public",
  "account.verifyEmail": "public",
  "account.resetPassword": "public",
  "twoFactor.overview": "authed",
  "twoFactor.start": "authed",
  "twoFactor.confirm": "authed",
  "twoFactor.disable": "authed",
  "twoFactor.regenerateRecoveryCodes": "authed",
  // Checks the owner's "manage" itself: memberProcedure would refuse an owner the setting blocks.
  "twoFactor.setMerchantRequirement": "authed",
  "notificationPreferences.get": "member:manage",
  "notificationPreferences.save": "member:manage",
  "mailLog.list": "staff:staff_view",
  "mailLog.kinds": "staff:staff_view",
  "mailLog.retry": "staff:settings",
  "paymentLinks.create": "member:pay_in",
  "paymentLinks.list": "member:view",
  "paymentLinks.get": "member:view",
  "paymentLinks.deactivate": "member:pay_in",
  // The payer's side of a link: no sign-in, rate-limited like the pay page.
  "paymentLinks.forPayer": "public",
  "paymentLinks.payment": "public",
  "paymentLinks.startPayment": "public",
  "payoutBatches.parseFile": "member:withdraw",
  "payoutBatches.validate": "member:withdraw",
  "payoutBatches.submit": "member:withdraw",
  "payoutBatches.list": "member:view",
  "payoutBatches.get": "member:view",
  "payoutBatches.report": "member:view",
  "payoutBatchDesk.queue": "staff:staff_view",
  "payoutBatchDesk.get": "staff:staff_view",
  "payoutBatchDesk.report": "staff:staff_view",
  "payoutBatchDesk.decide": "staff:approve",
};

type AnyProcedure = { _def: { meta?: { access?: ProcedureAccess }; type: string } };
const procedures = Object.entries((appRouter as unknown as { _def: { procedures: Record<string, AnyProcedure> } })._def.procedures);
const label = (access: ProcedureAccess | undefined) => (!access ? "NONE" : "permission" in access ? `${access.kind}:${access.permission}` : access.kind);

describe("every procedure declares what it requires", () => {
  it("the root router has exactly the procedures of the table", () => {
    expect(procedures.map(([path]) => path).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  it.each(procedures.map(([path, p]) => [path, label(p._def.meta?.access)] as const))("%s declares %s", (path, declared) => {
    expect(declared).not.toBe("NONE");
    expect(declared).toBe(EXPECTED[path]);
  });
});

const sessionOf = (user: SessionUser): Session => ({ user, expires: new Date(Date.now() + 3600_000).toISOString() });

/** Calls a procedure by its path with no input; the tRPC error code, or "ok". */
async function callAs(session: Session, path: string, input?: unknown): Promise<{ code: string; message: string }> {
  const caller = createCaller({ session, ip: "203.0.113.77" }) as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
  const [router, name] = path.split(".") as [string, string];
  try {
    const result = await caller[router]![name]!(input);
    // A subscription that passed its checks answers with a stream: stop it.
    if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function") await (result as AsyncIterator<unknown> & AsyncIterable<unknown>)[Symbol.asyncIterator]().return?.();
    return { code: "ok", message: "" };
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
}

// Mutations that would change who is in the team are called on their own in tests/teams.test.ts.
const NOT_WALKED = new Set(["team.leave"]);

describe("member procedures as each role", () => {
  const sessions = {} as Record<MemberRole | "outsider", Session>;
  beforeAll(async () => {
    const m = await createMerchant("Toko Matriks");
    const owner = await db.user.findUniqueOrThrow({ where: { id: m.userId } });
    sessions.owner = sessionOf({ id: owner.id, email: owner.email, name: owner.name, role: "MERCHANT", merchantId: m.merchantId, locale: "en" });
    for (const role of ["finance", "developer", "viewer"] as const) {
      const user = await db.user.create({ data: { email: `${role}-${crypto.randomUUID()}@test.saldo`, name: role, passwordHash: "x", role: "MERCHANT", merchantId: m.merchantId, emailVerifiedAt: new Date() } });
      await db.membership.create({ data: { userId: user.id, merchantId: m.merchantId, role } });
      // Portal withdrawals need two-factor: enrolled, so the role is what decides.
      await enrolTwoFactor(user.id);
      sessions[role] = sessionOf({ id: user.id, email: user.email, name: role, role: "MERCHANT", merchantId: m.merchantId, locale: "en" });
    }
    // A merchant login that claims this merchant (as an old token would) but has no membership.
    const outsider = await db.user.create({ data: { email: `out-${crypto.randomUUID()}@test.saldo`, name: "out", passwordHash: "x", role: "MERCHANT", merchantId: m.merchantId } });
    sessions.outsider = sessionOf({ id: outsider.id, email: outsider.email, name: "out", role: "MERCHANT", merchantId: m.merchantId, locale: "en" });
  });

  const memberProcedures = procedures.filter(([path, p]) => p._def.meta?.access?.kind === "member" && !NOT_WALKED.has(path));
  const cases = memberProcedures.flatMap(([path, p]) => MEMBER_ROLES.map((role) => [path, role, (p._def.meta!.access as { permission: MemberPermission }).permission] as const));

  it.each(cases)("%s as %s", async (path, role, permission) => {
    const { code, message } = await callAs(sessions[role], path);
    if (can(role, permission)) expect(code).not.toBe("FORBIDDEN");
    else {
      expect(code).toBe("FORBIDDEN");
      expect(message).toBe(ROLE_REFUSED);
    }
  });

  it("a login without a membership is refused everywhere", async () => {
    for (const [path] of memberProcedures) expect((await callAs(sessions.outsider, path)).code, path).toBe("FORBIDDEN");
  });

  it("representative calls: a viewer reads balances but cannot request a withdrawal; finance can", async () => {
    const viewer = createCaller({ session: sessions.viewer, ip: "203.0.113.78" });
    expect((await viewer.wallet.summary()).available).toBe(0n);
    const request = { amount: 50_000n, method: "bca", accountNumber: "1234567890", accountName: "Budi", idempotencyKey: crypto.randomUUID() } as never;
    const refused = await callAs(sessions.viewer, "withdrawals.request", request);
    expect(refused).toEqual({ code: "FORBIDDEN", message: ROLE_REFUSED });
    // Finance passes the role check and meets the balance (zero here) instead.
    const finance = await callAs(sessions.finance, "withdrawals.request", request);
    expect(finance.code).not.toBe("FORBIDDEN");
    const developer = await callAs(sessions.developer, "apiKeys.create", { name: "dev key" });
    expect(developer.code).toBe("ok");
    expect((await callAs(sessions.finance, "apiKeys.create", { name: "finance key" })).code).toBe("FORBIDDEN");
    expect((await callAs(sessions.finance, "treasury.setThreshold", { threshold: null })).code).toBe("FORBIDDEN");
    expect((await callAs(sessions.owner, "treasury.setThreshold", { threshold: null })).code).toBe("ok");
  });
});

describe("staff procedures as each staff role", () => {
  const sessions = {} as Record<StaffRole | "merchant", Session>;
  beforeAll(async () => {
    for (const staffRole of STAFF_ROLES) {
      const user = await db.user.create({ data: { email: `${staffRole}-${crypto.randomUUID()}@saldo.test`, name: staffRole, passwordHash: "x", role: "ADMIN", staffRole } });
      await enrolTwoFactor(user.id); // every admin has two-factor; without it every staff procedure refuses
      sessions[staffRole] = sessionOf({ id: user.id, email: user.email, name: staffRole, role: "ADMIN", merchantId: null, locale: "en" });
    }
    const m = await createMerchant("Toko Bukan Staf");
    sessions.merchant = sessionOf({ id: m.userId, email: m.email, name: "m", role: "MERCHANT", merchantId: m.merchantId, locale: "en" });
  });

  const staffProcedures = procedures.filter(([, p]) => p._def.meta?.access?.kind === "staff");
  const cases = staffProcedures.flatMap(([path, p]) => STAFF_ROLES.map((role) => [path, role, (p._def.meta!.access as { permission: StaffPermission }).permission] as const));

  it.each(cases)("%s as %s", async (path, role, permission) => {
    const { code, message } = await callAs(sessions[role], path);
    if (staffCan(role, permission)) expect(code).not.toBe("FORBIDDEN");
    else {
      expect(code).toBe("FORBIDDEN");
      expect(message).toBe(ROLE_REFUSED);
    }
  });

  it("a merchant owner is refused every staff procedure", async () => {
    for (const [path] of staffProcedures) expect((await callAs(sessions.merchant, path)).code, path).toBe("FORBIDDEN");
  });

  it("the matrix as the brief states it", () => {
    expect(STAFF_ROLES.filter((r) => staffCan(r, "staff_manage"))).toEqual(["superadmin"]);
    expect(STAFF_ROLES.filter((r) => staffCan(r, "approve"))).toEqual(["superadmin", "approver"]);
    expect(STAFF_ROLES.filter((r) => staffCan(r, "review"))).toEqual(["superadmin", "support"]);
    expect(MEMBER_ROLES.filter((r) => can(r, "withdraw"))).toEqual(["owner", "finance"]);
    expect(MEMBER_ROLES.filter((r) => can(r, "pay_in"))).toEqual(["owner", "finance", "developer"]);
    expect(MEMBER_ROLES.filter((r) => can(r, "developer"))).toEqual(["owner", "developer"]);
    expect(MEMBER_ROLES.filter((r) => can(r, "manage"))).toEqual(["owner"]);
    expect(MEMBER_ROLES.filter((r) => can(r, "view"))).toEqual([...MEMBER_ROLES]);
  });
});
