// Staff roles: a superadmin manages staff; the last superadmin cannot be demoted; an approver
// keeps the withdrawal desk, and every change is audited.
import { TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import { describe, expect, it } from "vitest";
import type { SessionUser } from "../server/auth/verify-login";
import { verifyLogin } from "../server/auth/verify-login";
import { db } from "../server/db";
import { createCaller } from "../server/trpc/root";
import { enrolTwoFactor } from "./helpers/fixtures";
import { totpFor } from "../server/two-factor/totp";

const callerFor = (user: SessionUser) => createCaller({ session: { user, expires: new Date(Date.now() + 3600_000).toISOString() } as Session, ip: "203.0.113.95" });

async function code(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

describe("staff management", () => {
  it("a superadmin creates staff and changes roles; the last superadmin stays", async () => {
    // This test's database starts with no admin at all: make the only superadmin.
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { staffRole: "support" } });
    const root = await db.user.create({ data: { email: `root-${crypto.randomUUID()}@saldo.test`, name: "Root", passwordHash: "x", role: "ADMIN", staffRole: "superadmin" } });
    await enrolTwoFactor(root.id); // every admin has two-factor
    const superadmin = callerFor({ id: root.id, email: root.email, name: "Root", role: "ADMIN", merchantId: null, locale: "en" });

    expect(await code(superadmin.staff.create({ email: "kurang@saldo.test", name: "Kurang", password: "pendek", staffRole: "support" }))).toBe("BAD_REQUEST");
    const email = `approver-${crypto.randomUUID().slice(0, 6)}@saldo.test`;
    const { userId } = await superadmin.staff.create({ email, name: "Penyetuju", password: "approver-pass-1", staffRole: "approver" });
    expect(await code(superadmin.staff.create({ email, name: "Lagi", password: "approver-pass-1", staffRole: "support" }))).toBe("CONFLICT");

    // A new staff member enrols before reaching any staff procedure, then signs in with a code.
    const secret = await enrolTwoFactor(userId);
    const approverLogin = await verifyLogin({ email, password: "approver-pass-1", totp: totpFor(secret).generate() });
    const approver = callerFor(approverLogin);
    expect((await approver.staff.me()).staffRole).toBe("approver");
    expect(await code(approver.staff.list())).toBe("FORBIDDEN");
    expect(Array.isArray((await approver.withdrawalDesk.queue({})).items)).toBe(true);

    const list = await superadmin.staff.list();
    expect(list.find((s) => s.id === userId)?.staffRole).toBe("approver");

    // Demoting the only superadmin is refused; after promoting another, it works.
    expect(await code(superadmin.staff.setRole({ userId: root.id, staffRole: "support" }))).toBe("CONFLICT");
    await superadmin.staff.setRole({ userId, staffRole: "superadmin" });
    await superadmin.staff.setRole({ userId: root.id, staffRole: "support" });
    expect(await code(superadmin.staff.list())).toBe("FORBIDDEN");
    expect((await approver.staff.list()).length).toBeGreaterThanOrEqual(2);
    // A merchant user is not staff.
    expect(await code(approver.staff.setRole({ userId: "nobody", staffRole: "support" }))).toBe("NOT_FOUND");
    expect(await db.auditLog.count({ where: { action: { in: ["staff.created", "staff.role_changed"] } } })).toBeGreaterThanOrEqual(3);
  });
});
