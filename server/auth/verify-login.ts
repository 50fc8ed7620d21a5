// Credentials check for next-auth. Every attempt is counted before the password is checked, on
// three fixed-window counters (server/http/rate-limit.ts):
//   - per account and address (LOGIN_MAX_FAILURES_PER_ACCOUNT_IP, default 5): the lock a
//     guesser meets, and one a stranger can only put on their own address;
//   - per account from everywhere (LOGIN_MAX_FAILURES_PER_ACCOUNT, default 100): a backstop
//     against guessing from many addresses, high enough that nobody locks an admin out by
//     accident or with a handful of tries, and lifted when the window ends;
//   - per address across accounts (LOGIN_MAX_FAILURES_PER_IP, default 20): credential stuffing.
// Any counter past its limit refuses the attempt, right or wrong password, until the window ends.
// A right password gives its counts back (the counters hold failures and attempts in flight) and
// clears the account-and-address counter. Counting first means N parallel guesses take N counts,
// so no burst gets more password checks than the limit allows.
// Two-factor: a user with TOTP enrolled also gives `totp` (a current code or a recovery code).
// Without it the answer is TOTP_REQUIRED (the password was right: its counts are given back,
// nothing cleared); a wrong code keeps its counts, so codes are guessed no faster than passwords.
import { recordAudit } from "../audit";
import { db, transaction } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { clearRateLimit, refundRateLimits, takeRateLimits } from "../http/rate-limit";
import { verifyTwoFactorCode } from "../two-factor/verify-two-factor-code";
import { burnPasswordCheck, verifyPassword } from "./passwords";
import { loginSchema } from "./schemas";

export type SessionUser = { id: string; email: string; name: string; role: "MERCHANT" | "ADMIN"; merchantId: string | null; locale: string };

export const LOGIN_ERRORS = {
  invalid: "INVALID_CREDENTIALS",
  limited: "RATE_LIMITED",
  suspended: "SUSPENDED",
  totpRequired: "TOTP_REQUIRED",
  totpInvalid: "TOTP_INVALID",
} as const;

/** The counters one sign-in attempt is held against. */
export function loginLimitKeys(email: string, ip: string | undefined) {
  const address = ip ?? "unknown";
  return {
    accountIp: `login:account-ip:${email}|${address}`,
    account: `login:account:${email}`,
    ip: `login:ip:${address}`,
  };
}

export async function verifyLogin(
  raw: { email?: unknown; password?: unknown; totp?: unknown },
  context: { ip?: string; now?: number } = {},
): Promise<SessionUser> {
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("UNAUTHORIZED", LOGIN_ERRORS.invalid);
  const { email, password } = parsed.data;
  const totp = typeof raw.totp === "string" ? raw.totp.trim().slice(0, 64) : "";
  const keys = loginLimitKeys(email, context.ip);

  const taken = await takeRateLimits(
    [
      { key: keys.accountIp, max: env.LOGIN_MAX_FAILURES_PER_ACCOUNT_IP },
      { key: keys.account, max: env.LOGIN_MAX_FAILURES_PER_ACCOUNT },
      { key: keys.ip, max: env.LOGIN_MAX_FAILURES_PER_IP },
    ],
    { windowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS },
  );
  const refused = taken.filter((t) => !t.allowed);
  if (refused.length) {
    throw new AppError("RATE_LIMITED", LOGIN_ERRORS.limited, { retryAfterSeconds: Math.max(...refused.map((t) => t.retryAfterSeconds)) });
  }

  const user = await db.user.findUnique({ where: { email }, include: { merchant: { select: { status: true } } } });
  // An unknown email still pays for one bcrypt comparison at the configured cost.
  const ok = user ? await verifyPassword(password, user.passwordHash) : await burnPasswordCheck(password);
  if (!user || !ok) {
    await transaction((tx) =>
      recordAudit(tx, { actor: { type: "SYSTEM" }, action: "auth.login_failed", targetType: "user", targetId: user?.id, ip: context.ip, metadata: { email } }),
    );
    throw new AppError("UNAUTHORIZED", LOGIN_ERRORS.invalid);
  }

  const twoFactor = await db.userTwoFactor.findUnique({ where: { userId: user.id }, select: { enabledAt: true } });
  if (twoFactor?.enabledAt) {
    if (!totp) {
      await refundRateLimits([keys.accountIp, keys.account, keys.ip]);
      throw new AppError("UNAUTHORIZED", LOGIN_ERRORS.totpRequired);
    }
    const check = await verifyTwoFactorCode({ userId: user.id, code: totp, now: context.now });
    if (!check.ok) {
      await transaction((tx) =>
        recordAudit(tx, { actor: { type: "SYSTEM" }, action: "auth.login_failed", targetType: "user", targetId: user.id, ip: context.ip, metadata: { email, reason: "two_factor" } }),
      );
      throw new AppError("UNAUTHORIZED", LOGIN_ERRORS.totpInvalid);
    }
    if (check.method === "recovery") {
      await transaction((tx) =>
        recordAudit(tx, { actor: { type: "USER", id: user.id, ...(context.ip ? { ip: context.ip } : {}) }, action: "auth.recovery_code_used", targetType: "user", targetId: user.id, metadata: { left: check.recoveryCodesLeft } }),
      );
    }
  }

  // The right password (and code) was not a failure: give its counts back and clear this address's lock.
  await Promise.all([clearRateLimit(keys.accountIp), refundRateLimits([keys.account, keys.ip])]);
  if (user.merchant?.status === "SUSPENDED") throw new AppError("FORBIDDEN", LOGIN_ERRORS.suspended);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role === "ADMIN" ? "ADMIN" : "MERCHANT",
    merchantId: user.merchantId,
    locale: user.locale,
  };
}
