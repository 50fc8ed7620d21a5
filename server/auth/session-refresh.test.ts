// Issue 13, item 5 — sessions follow the database: role, merchant and status are read again
// (cached for SESSION_REFRESH_SECONDS), so a demoted admin or a suspended merchant loses access
// within that time, in tRPC and in the portal's getSession, whatever the 12-hour JWT says.
import { TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import { afterEach, describe, expect, it, vi } from "vitest";

// Every request asks the database; one test below sets a TTL and moves the clock past it.
vi.hoisted(() => {
  process.env.SESSION_REFRESH_SECONDS = "0";
});

const jwtSession = vi.hoisted(() => ({ current: null as Session | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  // What next-auth would decode from the cookie: the token as it was signed at login.
  getServerSession: async () => jwtSession.current,
}));

import { createMerchant, enrolTwoFactor } from "../../tests/helpers/fixtures";
import { db, transaction } from "../db";
import { env } from "../env";
import { setMerchantSuspension } from "../merchants/suspend-merchant";
import { createCaller } from "../trpc/root";
import { getSession } from "./options";
import { hashPassword } from "./passwords";
import { startUserSession } from "./start-user-session";
import { verifyLogin, type SessionUser } from "./verify-login";

const sessionOf = (user: SessionUser): Session => ({ user, expires: new Date(Date.now() + 12 * 3600_000).toISOString() });
const callerFor = (user: SessionUser) => createCaller({ session: sessionOf(user), ip: "203.0.113.5" });

async function trpcCode(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

async function createAdmin() {
  const email = `admin-${Date.now()}-${Math.random().toString(36).slice(2)}@saldo.test`;
  await transaction(async (tx) => tx.user.create({ data: { email, name: "Admin", passwordHash: await hashPassword("admin-pass-1"), role: "ADMIN" } }));
  const user = await verifyLogin({ email, password: "admin-pass-1" }, { ip: "192.0.2.60" });
  await enrolTwoFactor(user.id); // every admin has two-factor (enrolled after this first sign-in)
  return user;
}

afterEach(() => {
  vi.restoreAllMocks();
  jwtSession.current = null;
});

describe("13.5 sessions follow the database", () => {
  it("13.5 a demoted admin is refused by tRPC admin procedures, though the JWT still says ADMIN", async () => {
    const admin = await createAdmin();
    const caller = callerFor(admin);
    await expect(caller.merchants.list({ page: 1, pageSize: 5 })).resolves.toMatchObject({ page: 1 });
    await transaction((tx) => tx.user.update({ where: { id: admin.id }, data: { role: "MERCHANT" } }));
    expect(await trpcCode(caller.merchants.list({ page: 1, pageSize: 5 }))).toBe("FORBIDDEN");
  });

  it("13.5 a suspended merchant is refused by tRPC, and reinstated it works again", async () => {
    const m = await createMerchant();
    const user = await verifyLogin({ email: m.email, password: m.password }, { ip: "192.0.2.61" });
    const caller = callerFor(user);
    await expect(caller.wallet.summary()).resolves.toEqual({ available: 0n, held: 0n });
    const actor = { type: "SYSTEM" as const };
    await setMerchantSuspension({ merchantId: m.merchantId, suspend: true, reason: "fraud review", actor });
    expect(await trpcCode(caller.wallet.summary())).toBe("FORBIDDEN");
    await setMerchantSuspension({ merchantId: m.merchantId, suspend: false, reason: "cleared", actor });
    await expect(caller.wallet.summary()).resolves.toEqual({ available: 0n, held: 0n });
  });

  it("13.5 a deleted user's session signs nobody in", async () => {
    const admin = await createAdmin();
    const caller = callerFor(admin);
    await transaction((tx) => tx.user.delete({ where: { id: admin.id } }));
    expect(await trpcCode(caller.merchants.list({ page: 1, pageSize: 5 }))).toBe("UNAUTHORIZED");
  });

  it("13.5 the portal's getSession carries the database's role and drops a suspended merchant", async () => {
    const admin = await createAdmin();
    // A cookie carries its UserSession's id (issue 16); getSession refuses one without.
    const signedIn = async (user: SessionUser) => ({ ...sessionOf(user), sessionId: (await startUserSession({ userId: user.id })).sessionId });
    jwtSession.current = await signedIn(admin);
    expect((await getSession())?.user.role).toBe("ADMIN");
    await transaction((tx) => tx.user.update({ where: { id: admin.id }, data: { role: "MERCHANT" } }));
    expect((await getSession())?.user.role).toBe("MERCHANT");

    const m = await createMerchant();
    jwtSession.current = await signedIn(await verifyLogin({ email: m.email, password: m.password }, { ip: "192.0.2.62" }));
    expect((await getSession())?.user.merchantId).toBe(m.merchantId);
    await transaction((tx) => tx.merchant.update({ where: { id: m.merchantId }, data: { status: "SUSPENDED" } }));
    expect(await getSession()).toBeNull();
  });

  it("13.5 within SESSION_REFRESH_SECONDS the cached answer serves; after it, the database decides", async () => {
    const admin = await createAdmin();
    const caller = callerFor(admin);
    env.SESSION_REFRESH_SECONDS = 30;
    try {
      await expect(caller.merchants.list({ page: 1, pageSize: 5 })).resolves.toBeTruthy();
      await transaction((tx) => tx.user.update({ where: { id: admin.id }, data: { role: "MERCHANT" } }));
      await expect(caller.merchants.list({ page: 1, pageSize: 5 })).resolves.toBeTruthy(); // cached, at most 30 s
      const later = Date.now() + 31_000;
      vi.spyOn(Date, "now").mockReturnValue(later);
      expect(await trpcCode(caller.merchants.list({ page: 1, pageSize: 5 }))).toBe("FORBIDDEN");
    } finally {
      env.SESSION_REFRESH_SECONDS = 0;
    }
    expect(await db.user.count({ where: { id: admin.id, role: "MERCHANT" } })).toBe(1);
  });
});
