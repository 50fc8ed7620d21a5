// Queues a notification mail to everyone who receives this kind for the merchant, each in their
// own language, inside the caller's transaction (a rolled-back change mails nobody).
// Who receives: with no preference rows for the kind, every user of the merchant; otherwise the
// users whose row is enabled (a user without a row, e.g. one added later, still receives) and
// the enabled extra addresses. Extra addresses read Indonesian, the product's default.
import type { Tx } from "../db";
import { enqueueMail } from "../mail/enqueue-mail";
import { mailLocale, type MailLocale, type RenderedMail } from "../mail/layout";
import type { NotificationKind } from "../../lib/notification-kinds";
import { listMerchantRecipients } from "./list-merchant-recipients";

export type MailRecipient = { to: string; locale: MailLocale; userId: string | null; name: string | null };

export async function resolveMailRecipients(tx: Tx, merchantId: string, kind: NotificationKind): Promise<MailRecipient[]> {
  const [users, prefs] = await Promise.all([
    listMerchantRecipients(merchantId, tx),
    tx.notificationPreference.findMany({ where: { merchantId, kind }, select: { userId: true, email: true, enabled: true } }),
  ]);
  const off = new Set(prefs.filter((p) => p.userId && !p.enabled).map((p) => p.userId!));
  const recipients: MailRecipient[] = users
    .filter((u) => !off.has(u.userId))
    .map((u) => ({ to: u.email.toLowerCase(), locale: mailLocale(u.locale), userId: u.userId, name: u.name }));
  const seen = new Set(recipients.map((r) => r.to));
  for (const p of prefs) {
    if (!p.email || !p.enabled) continue;
    const to = p.email.toLowerCase();
    if (seen.has(to)) continue;
    seen.add(to);
    recipients.push({ to, locale: "id", userId: null, name: null });
  }
  return recipients;
}

/** Queues one mail per recipient of `kind`; `mailKind` is the MailMessage kind (e.g. withdrawal-rejected). */
export async function notifyByMail(
  tx: Tx,
  merchantId: string,
  kind: NotificationKind,
  mailKind: string,
  render: (locale: MailLocale, recipient: MailRecipient) => RenderedMail,
): Promise<number> {
  const recipients = await resolveMailRecipients(tx, merchantId, kind);
  for (const r of recipients) {
    await enqueueMail(tx, { kind: mailKind, to: r.to, locale: r.locale, merchantId, userId: r.userId, ...render(r.locale, r) });
  }
  return recipients.length;
}
