// The mail an invited person receives: who invited them, to which merchant, as what, and the link.
import { renderMail, type MailLocale, type RenderedMail } from "../layout";
import type { MemberRole } from "../../auth/permissions";

const ROLE_NAMES: Record<MailLocale, Record<MemberRole, string>> = {
  id: { owner: "Pemilik", finance: "Keuangan", developer: "Developer", viewer: "Peninjau" },
  en: { owner: "Owner", finance: "Finance", developer: "Developer", viewer: "Viewer" },
};

export function invitationMail(locale: MailLocale, data: { merchantName: string; inviterName: string; role: MemberRole; url: string }): RenderedMail {
  const role = ROLE_NAMES[locale][data.role];
  if (locale === "en") {
    return renderMail({
      subject: `Invitation to join ${data.merchantName} on Saldo`,
      greeting: "Hello,",
      paragraphs: [`${data.inviterName} invites you to join ${data.merchantName} on Saldo as ${role}.`],
      action: { label: "Accept the invitation", url: data.url },
      footnote: "The link is valid for 7 days and can be used once. If you did not expect this, ignore this mail.",
    });
  }
  return renderMail({
    subject: `Undangan bergabung dengan ${data.merchantName} di Saldo`,
    greeting: "Halo,",
    paragraphs: [`${data.inviterName} mengundang Anda bergabung dengan ${data.merchantName} di Saldo sebagai ${role}.`],
    action: { label: "Terima undangan", url: data.url },
    footnote: "Tautan berlaku 7 hari dan hanya bisa dipakai sekali. Abaikan surel ini jika Anda tidak mengharapkannya.",
  });
}
