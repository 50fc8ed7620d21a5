import { renderMail, type MailLocale, type RenderedMail } from "../layout";

export function emailVerificationMail(locale: MailLocale, data: { name: string; url: string; hours: number }): RenderedMail {
  if (locale === "en") {
    return renderMail({
      subject: "Verify your email for Saldo",
      greeting: `Hello ${data.name},`,
      paragraphs: ["Thank you for registering with Saldo. Please confirm that this address is yours; withdrawals from the portal are possible once it is verified."],
      action: { label: "Verify my email", url: data.url },
      footnote: `The link works once and for ${data.hours} hours. If you did not register, ignore this mail.`,
    });
  }
  return renderMail({
    subject: "Verifikasi email Anda untuk Saldo",
    greeting: `Halo ${data.name},`,
    paragraphs: ["Terima kasih telah mendaftar di Saldo. Mohon konfirmasi bahwa alamat ini milik Anda; penarikan dana dari portal bisa dilakukan setelah email terverifikasi."],
    action: { label: "Verifikasi email saya", url: data.url },
    footnote: `Tautan ini hanya berlaku sekali dan selama ${data.hours} jam. Jika Anda tidak mendaftar, abaikan email ini.`,
  });
}
