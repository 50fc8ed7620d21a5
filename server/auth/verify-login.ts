// Credentials check for next-auth. Failures are counted per account and per IP; either
// limit blocks further tries for the rest of the window, right or wrong password.
import { recordAudit } from "../audit";
import { db, transaction } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { clearRateLimit, countRateLimited, isRateLimited } from "../http/rate-limit";
import { burnPasswordCheck, verifyPassword } from "./passwords";
import { loginSchema } from "./schemas";

export type SessionUser = { id: string; email: string; name: string; role: "MERCHANT" | "ADMIN"; merchantId: string | null; locale: string };

export const LOGIN_ERRORS = {
  invalid: "INVALID_CREDENTIALS",
  limited: "RATE_LIMITED",
  suspended: "SUSPENDED",
} as const;

export async function verifyLogin(raw: { email?: unknown; password?: unknown }, context: { ip?: string } = {}): Promise<SessionUser> {
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("UNAUTHORIZED", LOGIN_ERRORS.invalid);
  const { email, password } = parsed.data;
  const window = { windowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS };
  const accountKey = `login:account:${email}`;
  const ipKey = `login:ip:${context.ip ?? "unknown"}`;

  const [byAccount, byIp] = await Promise.all([
    isRateLimited(accountKey, { ...window, max: env.LOGIN_MAX_FAILURES_PER_ACCOUNT }),
    isRateLimited(ipKey, { ...window, max: env.LOGIN_MAX_FAILURES_PER_IP }),
  ]);
  if (byAccount.limited || byIp.limited) {
    throw new AppError("RATE_LIMITED", LOGIN_ERRORS.limited, {
      retryAfterSeconds: Math.max(byAccount.retryAfterSeconds, byIp.retryAfterSeconds),
    });
  }

  const user = await db.user.findUnique({ where: { email }, include: { merchant: { select: { status: true } } } });
  const ok = user ? await verifyPassword(password, user.passwordHash) : await burnPasswordCheck(password);
  if (!user || !ok) {
    await Promise.all([countRateLimited(accountKey, window), countRateLimited(ipKey, window)]);
    await transaction((tx) =>
      recordAudit(tx, { actor: { type: "SYSTEM" }, action: "auth.login_failed", targetType: "user", targetId: user?.id, ip: context.ip, metadata: { email } }),
    );
    throw new AppError("UNAUTHORIZED", LOGIN_ERRORS.invalid);
  }
  if (user.merchant?.status === "SUSPENDED") throw new AppError("FORBIDDEN", LOGIN_ERRORS.suspended);

  await clearRateLimit(accountKey);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role === "ADMIN" ? "ADMIN" : "MERCHANT",
    merchantId: user.merchantId,
    locale: user.locale,
  };
}
