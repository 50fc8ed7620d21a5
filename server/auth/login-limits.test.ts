// Issue 13, item 4 — sign-in limits: the attempt is counted before the password check, an
// unknown email costs a bcrypt comparison at the configured cost, and the lock a stranger can
// cause is per account and address, with a far higher per-account backstop.
import bcrypt from "bcryptjs";
import { afterEach, describe, expect, it, vi } from "vitest";

// A cost above the tests' usual 4, so a cheaper dummy hash would show (in its prefix and its time).
vi.hoisted(() => {
  process.env.BCRYPT_COST = "8";
});

import { createMerchant } from "../../tests/helpers/fixtures";
import { env } from "../env";
import { AppError } from "../errors";
import { verifyLogin } from "./verify-login";

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const costOf = (hash: unknown) => Number(String(hash).split("$")[2]);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("13.4 login limits", () => {
  it("13.4 counts each attempt before the password check: N+5 parallel wrong guesses get at most N bcrypt comparisons", async () => {
    const m = await createMerchant();
    const limit = 5; // the per account-and-address limit (LOGIN_MAX_FAILURES_PER_ACCOUNT_IP, default 5)
    const compare = vi.spyOn(bcrypt, "compare");
    const results = await Promise.all(
      Array.from({ length: limit + 5 }, (_, i) => failure(verifyLogin({ email: m.email, password: `guess-${i}-wrong` }, { ip: "198.51.100.77" }))),
    );
    expect(compare.mock.calls.length).toBeLessThanOrEqual(limit);
    expect(results.filter((e) => e.code === "UNAUTHORIZED").length).toBeLessThanOrEqual(limit);
    expect(results.filter((e) => e.code === "RATE_LIMITED").length).toBeGreaterThanOrEqual(5);
  });

  it("13.4 an unknown email costs one bcrypt comparison at the configured cost, as long as a wrong password", async () => {
    const m = await createMerchant();
    const compare = vi.spyOn(bcrypt, "compare");
    await failure(verifyLogin({ email: m.email, password: "wrong-password" }, { ip: "198.51.100.78" }));
    await failure(verifyLogin({ email: "nobody-here@saldo.test", password: "wrong-password" }, { ip: "198.51.100.79" }));
    expect(compare).toHaveBeenCalledTimes(2);
    const [known, unknown] = compare.mock.calls.map((call) => costOf(call[1]));
    expect(known).toBe(env.BCRYPT_COST);
    expect(unknown).toBe(env.BCRYPT_COST);

    // And in time: medians of a few tries each, within generous bounds (a cost-4 dummy is ~16× faster).
    const time = async (email: string, ip: string) => {
      const start = performance.now();
      await failure(verifyLogin({ email, password: "wrong-password" }, { ip }));
      return performance.now() - start;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const other = await createMerchant();
      knownTimes.push(await time(other.email, `198.51.101.${i}`));
      unknownTimes.push(await time(`ghost-${i}@saldo.test`, `198.51.102.${i}`));
    }
    const ratio = median(unknownTimes) / median(knownTimes);
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });

  it("13.4 a stranger's failures lock only their own address: the owner still signs in from elsewhere", async () => {
    const m = await createMerchant();
    const stranger = "203.0.113.66";
    for (let i = 0; i < 5; i++) await failure(verifyLogin({ email: m.email, password: `bad-${i}-pass` }, { ip: stranger }));
    const locked = await failure(verifyLogin({ email: m.email, password: m.password }, { ip: stranger }));
    expect(locked.code).toBe("RATE_LIMITED");
    expect(Number(locked.details?.retryAfterSeconds)).toBeGreaterThan(0);
    await expect(verifyLogin({ email: m.email, password: m.password }, { ip: "198.51.100.80" })).resolves.toMatchObject({ email: m.email });
  });

  it("13.4 the per-account backstop stops guessing spread over many addresses", async () => {
    const m = await createMerchant();
    const backstop = env.LOGIN_MAX_FAILURES_PER_ACCOUNT;
    expect(backstop).toBeGreaterThanOrEqual(100); // far above the per-address lock
    env.LOGIN_MAX_FAILURES_PER_ACCOUNT = 6; // the same rule, with a limit a test can reach quickly
    try {
      for (let i = 0; i < 6; i++) await failure(verifyLogin({ email: m.email, password: `bad-${i}-pass` }, { ip: `198.51.103.${i}` }));
      const limited = await failure(verifyLogin({ email: m.email, password: m.password }, { ip: "198.51.103.200" }));
      expect(limited.code).toBe("RATE_LIMITED");
    } finally {
      env.LOGIN_MAX_FAILURES_PER_ACCOUNT = backstop;
    }
  });

  it("13.4 a right password gives its count back, so signing in often from one office never locks it", async () => {
    const m = await createMerchant();
    const office = "198.51.104.1";
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_IP + 2; i++) {
      await expect(verifyLogin({ email: m.email, password: m.password }, { ip: office })).resolves.toMatchObject({ email: m.email });
    }
  });
});
