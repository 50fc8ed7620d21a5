import { TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import { describe, expect, it } from "vitest";
import { createMerchant, enrolTwoFactor, fund } from "../../tests/helpers/fixtures";
import { db, transaction } from "../db";
import { AppError } from "../errors";
import { clearRateLimit } from "../http/rate-limit";
import { reserve } from "../ledger";
import { createCaller } from "../trpc/root";
import { hashPassword } from "./passwords";
import { registerMerchant } from "./register-merchant";
import { loginLimitKeys, verifyLogin, type SessionUser } from "./verify-login";

function callerFor(user: SessionUser | null) {
  const session = user ? ({ user, expires: new Date(Date.now() + 60_000).toISOString() } as Session) : null;
  return createCaller({ session, ip: "203.0.113.9" });
}

async function loginFailure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function trpcFailure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

describe("sign-in", () => {
  it("accepts the right password and returns the session user", async () => {
    const m = await createMerchant("Warung Benar");
    const user = await verifyLogin({ email: m.email, password: m.password }, { ip: "198.51.100.1" });
    expect(user).toMatchObject({ email: m.email, role: "MERCHANT", merchantId: m.merchantId, name: "Warung Benar" });
  });

  it("stores a bcrypt hash, never the password", async () => {
    const m = await createMerchant();
    const row = await db.user.findUniqueOrThrow({ where: { email: m.email } });
    expect(row.passwordHash).not.toContain(m.password);
    expect(row.passwordHash).toMatch(/^\$2[aby]\$\d\d\$/);
  });

  it("refuses a wrong password and an unknown user with the same answer", async () => {
    const m = await createMerchant();
    const wrong = await loginFailure(verifyLogin({ email: m.email, password: "not-the-password" }, { ip: "198.51.100.2" }));
    const unknown = await loginFailure(verifyLogin({ email: "nobody@saldo.test", password: "whatever1" }, { ip: "198.51.100.2" }));
    expect([wrong.code, wrong.message]).toEqual(["UNAUTHORIZED", "INVALID_CREDENTIALS"]);
    expect([unknown.code, unknown.message]).toEqual(["UNAUTHORIZED", "INVALID_CREDENTIALS"]);
  });

  it("locks an account on an address after repeated failures there, even for the right password (issue 13.4: not from every address)", async () => {
    const m = await createMerchant();
    const ip = "198.51.100.10";
    for (let i = 0; i < 5; i++) await loginFailure(verifyLogin({ email: m.email, password: `bad-${i}-pass` }, { ip }));
    const locked = await loginFailure(verifyLogin({ email: m.email, password: m.password }, { ip }));
    expect(locked.code).toBe("RATE_LIMITED");
    expect(Number(locked.details?.retryAfterSeconds)).toBeGreaterThan(0);
    await expect(verifyLogin({ email: m.email, password: m.password }, { ip: "198.51.100.99" })).resolves.toMatchObject({ email: m.email });
    await clearRateLimit(loginLimitKeys(m.email, ip).accountIp);
    await expect(verifyLogin({ email: m.email, password: m.password }, { ip })).resolves.toMatchObject({ email: m.email });
  });

  it("limits failures per IP across different accounts", async () => {
    const ip = "198.51.100.200";
    for (let i = 0; i < 20; i++) await loginFailure(verifyLogin({ email: `ghost${i}@saldo.test`, password: "wrong-pass" }, { ip }));
    const m = await createMerchant();
    const limited = await loginFailure(verifyLogin({ email: m.email, password: m.password }, { ip }));
    expect(limited.code).toBe("RATE_LIMITED");
    await expect(verifyLogin({ email: m.email, password: m.password }, { ip: "198.51.100.201" })).resolves.toBeTruthy();
  });

  it("refuses a suspended merchant and says why", async () => {
    const m = await createMerchant();
    await transaction((tx) => tx.merchant.update({ where: { id: m.merchantId }, data: { status: "SUSPENDED" } }));
    const error = await loginFailure(verifyLogin({ email: m.email, password: m.password }, { ip: "198.51.100.3" }));
    expect([error.code, error.message]).toEqual(["FORBIDDEN", "SUSPENDED"]);
  });

  it("refuses to register the same email twice, whatever its case", async () => {
    const m = await createMerchant();
    const error = await loginFailure(registerMerchant({ businessName: "Copy", email: m.email.toUpperCase(), password: "another-good-pass-1" }));
    expect(error.code).toBe("CONFLICT");
    expect(await db.user.count({ where: { email: m.email } })).toBe(1);
  });

  it("validates registration input", async () => {
    const error = await loginFailure(registerMerchant({ businessName: "X", email: "not-an-email", password: "short" }));
    expect(error.code).toBe("VALIDATION");
  });
});

describe("roles and ownership, enforced on the server", () => {
  async function sessionFor(email: string, password: string) {
    return verifyLogin({ email, password }, { ip: "192.0.2.50" });
  }

  it("refuses guests on merchant and admin procedures", async () => {
    expect(await trpcFailure(callerFor(null).wallet.summary())).toBe("UNAUTHORIZED");
    expect(await trpcFailure(callerFor(null).merchants.list({ page: 1, pageSize: 20 }))).toBe("UNAUTHORIZED");
  });

  it("refuses a merchant on admin procedures", async () => {
    const m = await createMerchant();
    const caller = callerFor(await sessionFor(m.email, m.password));
    expect(await trpcFailure(caller.merchants.list({ page: 1, pageSize: 20 }))).toBe("FORBIDDEN");
    expect(await trpcFailure(caller.merchants.ledger({ merchantId: m.merchantId, page: 1, pageSize: 20 }))).toBe("FORBIDDEN");
  });

  it("never shows merchant B's ledger to merchant A", async () => {
    const a = await createMerchant("Toko A");
    const b = await createMerchant("Toko B");
    const posted = await fund(b.merchantId, 80_000);
    await transaction((tx) => reserve(tx, { merchantId: b.merchantId, amount: 10_000, idempotencyKey: `b-hold-${b.merchantId}` }));
    const callerA = callerFor(await sessionFor(a.email, a.password));
    const callerB = callerFor(await sessionFor(b.email, b.password));

    expect(await trpcFailure(callerA.wallet.journal({ id: posted.journal.id }))).toBe("NOT_FOUND");
    await expect(callerB.wallet.journal({ id: posted.journal.id })).resolves.toMatchObject({ id: posted.journal.id });
    // A's own views are scoped to A: nothing of B's leaks in.
    expect(await callerA.wallet.summary()).toEqual({ available: 0n, held: 0n });
    expect((await callerA.wallet.history({ page: 1, pageSize: 20 })).total).toBe(0);
    expect((await callerB.wallet.history({ page: 1, pageSize: 20 })).total).toBe(2);
  });

  it("lets an admin see every merchant with balances", async () => {
    const passwordHash = await hashPassword("admin-pass-1");
    const admin = await transaction((tx) =>
      tx.user.create({ data: { email: `admin-${Date.now()}@saldo.test`, name: "Admin", passwordHash, role: "ADMIN" } }),
    );
    const m = await createMerchant("Toko Terlihat");
    await fund(m.merchantId, 42_000);
    const caller = callerFor(await sessionFor(admin.email, "admin-pass-1"));
    await enrolTwoFactor(admin.id); // every admin has two-factor (enrolled after this first sign-in)
    const list = await caller.merchants.list({ page: 1, pageSize: 100, search: "Terlihat" });
    expect(list.items).toEqual([expect.objectContaining({ id: m.merchantId, available: 42_000n, held: 0n, email: m.email })]);
    expect(await trpcFailure(caller.wallet.summary())).toBe("FORBIDDEN");
  });
});
