// An admin retries a failed mail now: `failed → pending`, due at once (a guarded update, so a
// mail that is not failed any more is left alone and the admin is told why); audited. Its
// attempts count on, so the next failure is final again unless retried again.
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";

export async function retryMail(input: { mailId: string; actor: Actor; now?: Date }): Promise<{ id: string; status: string }> {
  return transaction(async (tx) => {
    const { count } = await tx.mailMessage.updateMany({
      where: { id: input.mailId, status: "failed" },
      data: { status: "pending", nextAttemptAt: input.now ?? new Date(), claimedUntil: null },
    });
    if (!count) {
      const mail = await tx.mailMessage.findUnique({ where: { id: input.mailId }, select: { status: true } });
      if (!mail) throw new AppError("NOT_FOUND", "Email tidak ditemukan / Mail not found");
      throw new AppError("INVALID_STATE", `Hanya email yang gagal dapat dikirim ulang (status: ${mail.status}) / Only a failed mail can be retried (status: ${mail.status})`, { status: mail.status });
    }
    const mail = await tx.mailMessage.findUniqueOrThrow({ where: { id: input.mailId }, select: { id: true, status: true, to: true, kind: true, merchantId: true } });
    await recordAudit(tx, { actor: input.actor, action: "mail.retry", targetType: "mail", targetId: mail.id, merchantId: mail.merchantId ?? undefined, metadata: { to: mail.to, kind: mail.kind } });
    return { id: mail.id, status: mail.status };
  });
}
