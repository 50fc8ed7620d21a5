// The worker's mail job: claims due mail, sends it over SMTP, retries a failure with backoff.
// A claim is a guarded update, so several workers never send one mail twice (unless one dies
// mid-send after the server accepted it: at-least-once, like every mail system).
import { db } from "../db";
import { mailEnv } from "../env";
import { mailTransport } from "./mail-transport";

const CLAIM_SECONDS = 60;
const BATCH = 20;

/** Sends (or, without SMTP_URL, keeps for /dev/mailbox) the mail that is due; returns how many it handled. */
export async function sendPendingMail(options: { now?: Date; smtpUrl?: string | null } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const smtpUrl = options.smtpUrl === undefined ? mailEnv.SMTP_URL : options.smtpUrl;
  const due = await db.mailMessage.findMany({
    where: {
      OR: [
        { status: "pending", nextAttemptAt: { lte: now } },
        { status: "sending", claimedUntil: { lt: now } },
      ],
    },
    orderBy: { nextAttemptAt: "asc" },
    take: BATCH,
    select: { id: true, status: true },
  });
  if (!due.length) return 0;
  if (!smtpUrl) {
    const kept = await db.mailMessage.updateMany({ where: { id: { in: due.map((m) => m.id) }, status: { in: ["pending", "sending"] } }, data: { status: "kept", claimedUntil: null } });
    return kept.count;
  }
  let handled = 0;
  await Promise.all(
    due.map(async ({ id, status }) => {
      const claimed = await db.mailMessage.updateMany({
        where: { id, status, ...(status === "sending" ? { claimedUntil: { lt: now } } : {}) },
        data: { status: "sending", claimedUntil: new Date(Date.now() + CLAIM_SECONDS * 1000), attempts: { increment: 1 } },
      });
      if (!claimed.count) return;
      const mail = await db.mailMessage.findUniqueOrThrow({ where: { id } });
      try {
        await mailTransport(smtpUrl).sendMail({ to: mail.to, subject: mail.subject, text: mail.text ?? "", html: mail.html ?? undefined });
        // Delivered: the links inside must not outlive the delivery in the database.
        await db.mailMessage.update({ where: { id }, data: { status: "sent", sentAt: new Date(), claimedUntil: null, lastError: null, text: null, html: null } });
      } catch (error) {
        const finalAttempt = mail.attempts >= mailEnv.MAIL_MAX_ATTEMPTS;
        const delayMs = mailEnv.MAIL_RETRY_BASE_SECONDS * 1000 * 2 ** (mail.attempts - 1);
        await db.mailMessage.update({
          where: { id },
          data: {
            status: finalAttempt ? "failed" : "pending",
            claimedUntil: null,
            nextAttemptAt: new Date(Date.now() + delayMs),
            lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          },
        });
      }
      handled++;
    }),
  );
  return handled;
}

/** Deletes mail rows older than MAIL_RETENTION_DAYS (sent, kept or failed). */
export async function purgeMail(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - mailEnv.MAIL_RETENTION_DAYS * 86_400_000);
  const { count } = await db.mailMessage.deleteMany({ where: { createdAt: { lt: before }, status: { in: ["sent", "kept", "failed"] } } });
  return count;
}
