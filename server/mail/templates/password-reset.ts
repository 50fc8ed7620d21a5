import { renderMail, type MailLocale, type RenderedMail } from "../layout";

export function passwordResetMail(locale: MailLocale, data: { name: string; url: string; minutes: number }): RenderedMail {
  if (locale === "en") {
    return renderMail({
      subject: "Reset your Saldo password",
      greeting: `Hello ${data.name},`,
      paragraphs: ["Someone asked to reset the password of your Saldo account. If it was you, choose a new password with the button below."],
      action: { label: "Choose a new password", url: data.url },
      footnote: `The link works once and for ${data.minutes} minutes. If you did not ask for this, ignore this mail: your password stays as it is.`,
    });
  }
  return renderMail({
    subject: "Atur ulang kata sandi Saldo Anda",
    greeting: `Halo ${data.name},`,
    paragraphs: ["Ada permintaan untuk mengatur ulang kata sandi akun Saldo Anda. Jika itu Anda, pilih kata sandi baru lewat tombol di bawah."],
    action: { label: "Pilih kata sandi baru", url: data.url },
    footnote: `Tautan ini hanya berlaku sekali dan selama ${data.minutes} menit. Jika Anda tidak memintanya, abaikan email ini: kata sandi Anda tidak berubah.`,
  });
}
