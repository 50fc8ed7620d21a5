// The verification mail: a single-use link valid for 24 hours. Queued inside registration's
// transaction, and again on "resend" (rate-limited; an earlier link stops working).
import { transaction, type Tx } from "../db";
import { appUrl } from "../env";
import { AppError } from "../errors";
import { takeRateLimits } from "../http/rate-limit";
import { enqueueMail } from "../mail/enqueue-mail";
import { mailLocale } from "../mail/layout";
import { emailVerificationMail } from "../mail/templates/email-verification";
import { issueAccountToken } from "./account-tokens";

export const EMAIL_VERIFICATION_TTL_HOURS = 24;
const RESEND_MAX = 3;
const RESEND_WINDOW_SECONDS = 15 * 60;

type Recipient = { id: string; email: string; name: string; locale: string; merchantId: string | null };

export async function queueEmailVerification(tx: Tx, user: Recipient, now = new Date()): Promise<void> {
  const token = await issueAccountToken(tx, { userId: user.id, purpose: "email-verify", ttlMs: EMAIL_VERIFICATION_TTL_HOURS * 3600_000, now });
  const locale = mailLocale(user.locale);
  await enqueueMail(tx, {
    kind: "email-verification",
    to: user.email,
    locale,
    userId: user.id,
    merchantId: user.merchantId,
    ...emailVerificationMail(locale, { name: user.name, url: `${appUrl()}/verify-email?token=${token}`, hours: EMAIL_VERIFICATION_TTL_HOURS }),
  });
}

/** The banner's "resend": a fresh link, at most 3 per 15 minutes; nothing when already verified. */
export async function resendEmailVerification(opts: { userId: string; now?: Date }): Promise<{ sent: boolean; alreadyVerified: boolean }> {
  const now = opts.now ?? new Date();
  const user = await transaction((tx) =>
    tx.user.findUnique({ where: { id: opts.userId }, select: { id: true, email: true, name: true, locale: true, merchantId: true, emailVerifiedAt: true } }),
  );
  if (!user) throw new AppError("NOT_FOUND", "Pengguna tidak ditemukan / User not found");
  if (user.emailVerifiedAt) return { sent: false, alreadyVerified: true };
  const [taken] = await takeRateLimits([{ key: `email-verify:resend:${user.id}`, max: RESEND_MAX }], { windowSeconds: RESEND_WINDOW_SECONDS });
  if (!taken!.allowed) {
    throw new AppError("RATE_LIMITED", "Email verifikasi sudah dikirim beberapa kali; coba lagi beberapa menit lagi / The verification mail was sent several times already; try again in a few minutes", {
      retryAfterSeconds: taken!.retryAfterSeconds,
    });
  }
  await transaction((tx) => queueEmailVerification(tx, user, now));
  return { sent: true, alreadyVerified: false };
}
