// Queues one mail. Call it with the transaction that made the change the mail tells about, so a
// rolled-back change sends nothing; the worker (send-pending-mail.ts) sends it.
import type { Db, Tx } from "../db";
import type { MailLocale, RenderedMail } from "./layout";

export type MailToQueue = RenderedMail & {
  kind: string;
  to: string;
  locale: MailLocale;
  merchantId?: string | null;
  userId?: string | null;
};

export async function enqueueMail(tx: Tx | Db, mail: MailToQueue): Promise<{ id: string }> {
  return tx.mailMessage.create({
    data: {
      kind: mail.kind,
      to: mail.to.trim().toLowerCase(),
      locale: mail.locale,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      merchantId: mail.merchantId ?? null,
      userId: mail.userId ?? null,
    },
    select: { id: true },
  });
}
