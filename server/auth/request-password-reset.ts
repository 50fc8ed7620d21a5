// "Forgot password?": the same answer whether or not the address has an account (no account
// enumeration), rate-limited per address and per email before anything is looked up, and a mail
// with a single-use link valid for 30 minutes when the account exists.
import { transaction } from "../db";
import { appUrl } from "../env";
import { AppError } from "../errors";
import { takeRateLimits } from "../http/rate-limit";
import { enqueueMail } from "../mail/enqueue-mail";
import { mailLocale } from "../mail/layout";
import { passwordResetMail } from "../mail/templates/password-reset";
import { issueAccountToken } from "./account-tokens";
import { emailSchema } from "./schemas";

export const PASSWORD_RESET_TTL_MINUTES = 30;
const LIMIT_WINDOW_SECONDS = 15 * 60;
const MAX_PER_EMAIL = 3;
const MAX_PER_IP = 10;

export async function requestPasswordReset(opts: { email: string; ip?: string; now?: Date }): Promise<{ accepted: true }> {
  const parsed = emailSchema.safeParse(opts.email);
  if (!parsed.success) throw new AppError("VALIDATION", "Email tidak valid / Invalid email");
  const email = parsed.data;
  const now = opts.now ?? new Date();
  // Counted for every address alike, so a limit reached says nothing about whether it exists.
  const taken = await takeRateLimits(
    [
      { key: `password-reset:email:${email}`, max: MAX_PER_EMAIL },
      { key: `password-reset:ip:${opts.ip ?? "unknown"}`, max: MAX_PER_IP },
    ],
    { windowSeconds: LIMIT_WINDOW_SECONDS },
  );
  const refused = taken.filter((t) => !t.allowed);
  if (refused.length) {
    const retryAfterSeconds = Math.max(...refused.map((t) => t.retryAfterSeconds));
    throw new AppError("RATE_LIMITED", "Terlalu banyak permintaan; coba lagi beberapa menit lagi / Too many requests; try again in a few minutes", { retryAfterSeconds });
  }
  await transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, locale: true, merchantId: true } });
    if (!user) return;
    const token = await issueAccountToken(tx, { userId: user.id, purpose: "password-reset", ttlMs: PASSWORD_RESET_TTL_MINUTES * 60_000, now });
    const locale = mailLocale(user.locale);
    await enqueueMail(tx, {
      kind: "password-reset",
      to: user.email,
      locale,
      userId: user.id,
      merchantId: user.merchantId,
      ...passwordResetMail(locale, { name: user.name, url: `${appUrl()}/reset-password?token=${token}`, minutes: PASSWORD_RESET_TTL_MINUTES }),
    });
  });
  return { accepted: true };
}
