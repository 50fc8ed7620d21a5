// Issue 16 — two-factor sign-in (TOTP) with recovery codes: verification window and replay,
// enrolment, recovery codes, sign-in, and where two-factor is required (admins, portal
// withdrawals, a merchant that requires it for its whole team).
import { TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { createMerchant, enrolTwoFactor, fund } from "../../tests/helpers/fixtures";
import type { Actor } from "../audit";
import { hashPassword } from "../auth/passwords";
import { verifyLogin, type SessionUser } from "../auth/verify-login";
import { db, transaction } from "../db";
import { AppError } from "../errors";
import { setRequireTwoFactor } from "../merchants/set-require-two-factor";
import { createCaller } from "../trpc/root";
import { requestWithdrawal } from "../withdrawals/request-withdrawal";
import { confirmTwoFactorEnrolment } from "./confirm-two-factor-enrolment";
import { disableTwoFactor } from "./disable-two-factor";
import { regenerateRecoveryCodes } from "./regenerate-recovery-codes";
import { startTwoFactorEnrolment } from "./start-two-factor-enrolment";
import { getTwoFactorStatus } from "./two-factor-status";
import { verifyTwoFactorCode } from "./verify-two-factor-code";

// A fixed moment in the middle of a 30-second step, so ±1 and ±2 steps are unambiguous.
const T = Date.UTC(2026, 11, 2, 8, 0, 15);
const STEP = 30_000;
const codeAt = (secret: string, at: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });

const sessionOf = (user: Pick<SessionUser, "id" | "email" | "role" | "merchantId">): Session => ({
  user: { name: "Uji", locale: "en", ...user },
  expires: new Date(Date.now() + 3_600_000).toISOString(),
});
const callerFor = (user: Pick<SessionUser, "id" | "email" | "role" | "merchantId">) => createCaller({ session: sessionOf(user), ip: "203.0.113.16" });
const merchantUser = (m: { userId: string; email: string; merchantId: string }) => ({ id: m.userId, email: m.email, role: "MERCHANT" as const, merchantId: m.merchantId });
const actorOf = (userId: string): Actor => ({ type: "USER", id: userId });

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

async function createAdmin() {
  const email = `admin-2fa-${crypto.randomUUID()}@saldo.test`;
  const user = await transaction(async (tx) => tx.user.create({ data: { email, name: "Admin", passwordHash: await hashPassword("admin-pass-1"), role: "ADMIN" } }));
  return { id: user.id, email, role: "ADMIN" as const, merchantId: null };
}

/** Enrols through the real two steps; returns the secret and the recovery codes shown once. */
async function enrolForReal(userId: string, at = T) {
  const { secret, uri } = await startTwoFactorEnrolment({ userId });
  expect(uri).toMatch(/^otpauth:\/\/totp\/Saldo:.+\?.*secret=/);
  const { recoveryCodes } = await confirmTwoFactorEnrolment({ userId, code: codeAt(secret, at), actor: actorOf(userId), now: at });
  return { secret, recoveryCodes };
}

describe("16 two-factor: TOTP verification", () => {
  it("accepts a code from one step before and one step after (clock skew ±1)", async () => {
    const before = await createMerchant();
    const beforeSecret = await enrolTwoFactor(before.userId);
    expect(await verifyTwoFactorCode({ userId: before.userId, code: codeAt(beforeSecret, T - STEP), now: T })).toEqual({ ok: true, method: "totp" });

    const after = await createMerchant();
    const afterSecret = await enrolTwoFactor(after.userId);
    expect(await verifyTwoFactorCode({ userId: after.userId, code: codeAt(afterSecret, T + STEP), now: T })).toEqual({ ok: true, method: "totp" });
  });

  it("refuses a code two steps away in either direction", async () => {
    const m = await createMerchant();
    const secret = await enrolTwoFactor(m.userId);
    expect(await verifyTwoFactorCode({ userId: m.userId, code: codeAt(secret, T - 2 * STEP), now: T })).toEqual({ ok: false });
    expect(await verifyTwoFactorCode({ userId: m.userId, code: codeAt(secret, T + 2 * STEP), now: T })).toEqual({ ok: false });
    // …while the current one still works: nothing above was taken.
    expect((await verifyTwoFactorCode({ userId: m.userId, code: codeAt(secret, T), now: T })).ok).toBe(true);
  });

  it("refuses the same code twice, also when both arrive at once, and any earlier step after a later one", async () => {
    const m = await createMerchant();
    const secret = await enrolTwoFactor(m.userId);
    const code = codeAt(secret, T);
    const results = await Promise.all([0, 1, 2].map(() => verifyTwoFactorCode({ userId: m.userId, code, now: T })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await verifyTwoFactorCode({ userId: m.userId, code, now: T + 5_000 })).toEqual({ ok: false });
    // The previous step's code is inside the window but older than the step used: refused.
    expect(await verifyTwoFactorCode({ userId: m.userId, code: codeAt(secret, T - STEP), now: T })).toEqual({ ok: false });
    // The next step is fresh.
    expect((await verifyTwoFactorCode({ userId: m.userId, code: codeAt(secret, T + STEP), now: T + STEP })).ok).toBe(true);
    expect((await db.userTwoFactor.findUniqueOrThrow({ where: { userId: m.userId } })).lastUsedStep).toBe(Math.floor((T + STEP) / STEP));
  });
});

describe("16 two-factor: enrolment and recovery codes", () => {
  it("needs a valid confirmation code; the secret is stored sealed; ten recovery codes are issued", async () => {
    const m = await createMerchant();
    const { secret } = await startTwoFactorEnrolment({ userId: m.userId });
    const wrong = await failure(confirmTwoFactorEnrolment({ userId: m.userId, code: codeAt(secret, T - 3 * STEP), actor: actorOf(m.userId), now: T }));
    expect(wrong).toBeInstanceOf(AppError);
    expect((wrong as AppError).code).toBe("VALIDATION");
    expect((await failure(confirmTwoFactorEnrolment({ userId: m.userId, code: "not-a-code", actor: actorOf(m.userId), now: T })) as AppError).code).toBe("VALIDATION");
    expect((await getTwoFactorStatus(m.userId, { fresh: true })).enrolled).toBe(false);

    const row = await db.userTwoFactor.findUniqueOrThrow({ where: { userId: m.userId } });
    expect(row.secret.startsWith("enc:v1:")).toBe(true);
    expect(row.secret).not.toContain(secret);

    const { recoveryCodes } = await confirmTwoFactorEnrolment({ userId: m.userId, code: codeAt(secret, T), actor: actorOf(m.userId), now: T });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await getTwoFactorStatus(m.userId, { fresh: true })).enrolled).toBe(true);
    // Stored hashed only.
    const stored = await db.twoFactorRecoveryCode.findMany({ where: { userId: m.userId } });
    expect(stored).toHaveLength(10);
    for (const r of stored) expect(recoveryCodes.some((c) => r.codeHash.includes(c.replace("-", "")))).toBe(false);
    // Starting again while enrolled is refused.
    expect((await failure(startTwoFactorEnrolment({ userId: m.userId })) as AppError).code).toBe("CONFLICT");
    expect(await db.auditLog.count({ where: { targetId: m.userId, action: "auth.two_factor_enabled" } })).toBe(1);
  });

  it("a recovery code works once; regenerating replaces all of them", async () => {
    const m = await createMerchant();
    const { secret, recoveryCodes } = await enrolForReal(m.userId);
    const [first, second] = recoveryCodes as [string, string];
    expect(await verifyTwoFactorCode({ userId: m.userId, code: first.toUpperCase(), now: T })).toEqual({ ok: true, method: "recovery", recoveryCodesLeft: 9 });
    expect(await verifyTwoFactorCode({ userId: m.userId, code: first, now: T })).toEqual({ ok: false });
    // Another user's code opens nothing here.
    const other = await createMerchant();
    const otherCodes = (await enrolForReal(other.userId)).recoveryCodes;
    expect(await verifyTwoFactorCode({ userId: m.userId, code: otherCodes[0]!, now: T })).toEqual({ ok: false });

    const wrong = await failure(regenerateRecoveryCodes({ userId: m.userId, code: "000000", actor: actorOf(m.userId), now: T + STEP }));
    expect((wrong as AppError).code).toBe("VALIDATION");
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes({ userId: m.userId, code: codeAt(secret, T + STEP), actor: actorOf(m.userId), now: T + STEP });
    expect(fresh).toHaveLength(10);
    expect(await verifyTwoFactorCode({ userId: m.userId, code: second, now: T + STEP })).toEqual({ ok: false });
    expect((await verifyTwoFactorCode({ userId: m.userId, code: fresh[0]!, now: T + STEP })).ok).toBe(true);
  });

  it("turning it off needs a current code", async () => {
    const m = await createMerchant();
    const { secret } = await enrolForReal(m.userId);
    const refused = await failure(disableTwoFactor({ userId: m.userId, code: codeAt(secret, T), actor: actorOf(m.userId), now: T })); // already used at enrolment
    expect((refused as AppError).code).toBe("VALIDATION");
    expect((await getTwoFactorStatus(m.userId, { fresh: true })).enrolled).toBe(true);
    await disableTwoFactor({ userId: m.userId, code: codeAt(secret, T + STEP), actor: actorOf(m.userId), now: T + STEP });
    expect((await getTwoFactorStatus(m.userId, { fresh: true })).enrolled).toBe(false);
    expect(await db.twoFactorRecoveryCode.count({ where: { userId: m.userId } })).toBe(0);
  });
});

describe("16 two-factor: sign-in", () => {
  it("an enrolled user without a code is refused (TOTP_REQUIRED); a wrong or reused code is refused; a right code or a recovery code signs in", async () => {
    const m = await createMerchant();
    const secret = await enrolTwoFactor(m.userId);
    const ip = "198.51.100.160";
    const without = await failure(verifyLogin({ email: m.email, password: m.password }, { ip }));
    expect(without.message).toBe("TOTP_REQUIRED");
    // A wrong password still says only that, whether or not a code comes along.
    expect((await failure(verifyLogin({ email: m.email, password: "wrong-password", totp: codeAt(secret, T) }, { ip, now: T }))).message).toBe("INVALID_CREDENTIALS");
    expect((await failure(verifyLogin({ email: m.email, password: m.password, totp: codeAt(secret, T - 2 * STEP) }, { ip, now: T }))).message).toBe("TOTP_INVALID");
    await expect(verifyLogin({ email: m.email, password: m.password, totp: codeAt(secret, T) }, { ip, now: T })).resolves.toMatchObject({ id: m.userId });
    expect((await failure(verifyLogin({ email: m.email, password: m.password, totp: codeAt(secret, T) }, { ip, now: T }))).message).toBe("TOTP_INVALID");

    const { recoveryCodes } = await regenerateRecoveryCodes({ userId: m.userId, code: codeAt(secret, T + STEP), actor: actorOf(m.userId), now: T + STEP });
    await expect(verifyLogin({ email: m.email, password: m.password, totp: recoveryCodes[3] }, { ip: "198.51.100.161" })).resolves.toMatchObject({ id: m.userId });
    expect((await failure(verifyLogin({ email: m.email, password: m.password, totp: recoveryCodes[3] }, { ip: "198.51.100.161" }))).message).toBe("TOTP_INVALID");
  });

  it("wrong codes count against the sign-in limit: after five, even the right code is refused from that address", async () => {
    const m = await createMerchant();
    const secret = await enrolTwoFactor(m.userId);
    const ip = "198.51.100.170";
    for (let i = 0; i < 5; i++) {
      expect((await failure(verifyLogin({ email: m.email, password: m.password, totp: String(100000 + i) }, { ip, now: T }))).message).toBe("TOTP_INVALID");
    }
    expect((await failure(verifyLogin({ email: m.email, password: m.password, totp: codeAt(secret, T) }, { ip, now: T }))).message).toBe("RATE_LIMITED");
    // Elsewhere the account still signs in (the per-address lock), and asking for the code is not a failure.
    for (let i = 0; i < 6; i++) expect((await failure(verifyLogin({ email: m.email, password: m.password }, { ip: "198.51.100.171" }))).message).toBe("TOTP_REQUIRED");
    await expect(verifyLogin({ email: m.email, password: m.password, totp: codeAt(secret, T) }, { ip: "198.51.100.171", now: T })).resolves.toMatchObject({ id: m.userId });
  });
});

describe("16 two-factor: where it is required", () => {
  it("an admin without TOTP is refused by every admin procedure until enrolled; signing in still works so they can enrol", async () => {
    const admin = await createAdmin();
    await expect(verifyLogin({ email: admin.email, password: "admin-pass-1" }, { ip: "198.51.100.180" })).resolves.toMatchObject({ role: "ADMIN" });
    const caller = callerFor(admin);
    const refused = await failure(caller.merchants.list({ page: 1, pageSize: 5 }));
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("FORBIDDEN");
    expect(refused.message).toContain("two-factor");
    expect(((await failure(caller.withdrawalDesk.queue({ page: 1, pageSize: 5 }))) as TRPCError).code).toBe("FORBIDDEN");
    // The two-factor procedures themselves are open to them.
    const { secret } = await caller.twoFactor.start();
    await caller.twoFactor.confirm({ code: codeAt(secret, Date.now()) });
    await expect(caller.merchants.list({ page: 1, pageSize: 5 })).resolves.toMatchObject({ page: 1 });
    // From now on signing in asks for the code.
    expect((await failure(verifyLogin({ email: admin.email, password: "admin-pass-1" }, { ip: "198.51.100.180" }))).message).toBe("TOTP_REQUIRED");
  });

  it("a portal withdrawal is refused without TOTP and goes through after enrolment; the API-key path is not affected", async () => {
    const m = await createMerchant();
    await fund(m.merchantId, 500_000);
    const caller = callerFor(merchantUser(m));
    const input = { amount: 50_000n, method: "dana" as const, accountNumber: "081234567890", accountName: "Budi Uji", idempotencyKey: crypto.randomUUID() };
    const refused = await failure(caller.withdrawals.request(input));
    expect((refused as TRPCError).code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/two-factor authentication before withdrawing/);
    expect(await db.withdrawal.count({ where: { merchantId: m.merchantId } })).toBe(0);

    // The REST API (an API key, no person signing in) calls the use case directly: unaffected.
    await requestWithdrawal({ merchantId: m.merchantId, amount: 20_000n, method: "dana", accountNumber: "081234567891", accountName: "Budi Api", actor: { type: "API_KEY", id: "k" }, idempotencyKey: `api:${crypto.randomUUID()}` });

    await enrolTwoFactor(m.userId);
    await expect(caller.withdrawals.request(input)).resolves.toMatchObject({ withdrawal: expect.objectContaining({ status: "pending" }) });
    expect(await db.withdrawal.count({ where: { merchantId: m.merchantId } })).toBe(2);
  });

  it("requireTwoFactor: the owner turns it on only once enrolled; then a teammate without TOTP reaches no merchant procedure until enrolled", async () => {
    const m = await createMerchant();
    const owner = callerFor(merchantUser(m));
    expect(((await failure(owner.twoFactor.setMerchantRequirement({ required: true }))) as TRPCError).code).toBe("CONFLICT");
    await enrolTwoFactor(m.userId);
    await expect(owner.twoFactor.setMerchantRequirement({ required: true })).resolves.toEqual({ requireTwoFactor: true });
    expect((await db.merchant.findUniqueOrThrow({ where: { id: m.merchantId } })).requireTwoFactor).toBe(true);

    const teammate = await transaction(async (tx) =>
      tx.user.create({ data: { email: `team-${crypto.randomUUID()}@saldo.test`, name: "Rekan", passwordHash: await hashPassword("teammate-1"), role: "MERCHANT", merchantId: m.merchantId } }),
    );
    await db.membership.create({ data: { userId: teammate.id, merchantId: m.merchantId, role: "viewer" } });
    const teamCaller = callerFor({ id: teammate.id, email: teammate.email, role: "MERCHANT", merchantId: m.merchantId });
    expect(await getTwoFactorStatus(teammate.id)).toEqual({ enrolled: false, required: true });
    expect(((await failure(teamCaller.wallet.summary())) as TRPCError).code).toBe("FORBIDDEN");
    await expect(owner.wallet.summary()).resolves.toEqual({ available: 0n, held: 0n });
    // Enrolment is open to them; afterwards the portal is too.
    const { secret } = await teamCaller.twoFactor.start();
    await teamCaller.twoFactor.confirm({ code: codeAt(secret, Date.now()) });
    await expect(teamCaller.wallet.summary()).resolves.toEqual({ available: 0n, held: 0n });

    // Turned off, a user without TOTP is free again.
    await setRequireTwoFactor({ merchantId: m.merchantId, userId: m.userId, required: false, actor: actorOf(m.userId) });
    const another = await transaction(async (tx) =>
      tx.user.create({ data: { email: `team-${crypto.randomUUID()}@saldo.test`, name: "Rekan 2", passwordHash: "x", role: "MERCHANT", merchantId: m.merchantId } }),
    );
    await db.membership.create({ data: { userId: another.id, merchantId: m.merchantId, role: "viewer" } });
    await expect(callerFor({ id: another.id, email: another.email, role: "MERCHANT", merchantId: m.merchantId }).wallet.summary()).resolves.toBeTruthy();
  });
});

describe("16 two-factor: codes typed on the two-factor page are limited", () => {
  it("after ten wrong codes even the right one is refused (RATE_LIMITED) until the window ends", async () => {
    const m = await createMerchant();
    const { secret } = await enrolForReal(m.userId);
    for (let i = 0; i < 10; i++) {
      expect((await failure(disableTwoFactor({ userId: m.userId, code: String(200000 + i), actor: actorOf(m.userId), now: T + STEP })) as AppError).code).toBe("VALIDATION");
    }
    const limited = await failure(disableTwoFactor({ userId: m.userId, code: codeAt(secret, T + STEP), actor: actorOf(m.userId), now: T + STEP }));
    expect((limited as AppError).code).toBe("RATE_LIMITED");
    expect((await getTwoFactorStatus(m.userId, { fresh: true })).enrolled).toBe(true);
  });
});
