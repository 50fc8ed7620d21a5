import { formatWib } from "../../../lib/format";
import { renderMail, type MailLocale, type RenderedMail } from "../layout";

export function newSignInMail(locale: MailLocale, data: { name: string; at: Date; device: string; ip: string | null; securityUrl: string }): RenderedMail {
  const when = formatWib(data.at, locale);
  const ip = data.ip ?? (locale === "en" ? "unknown" : "tidak diketahui");
  if (locale === "en") {
    return renderMail({
      subject: "New sign-in to your Saldo account",
      greeting: `Hello ${data.name},`,
      paragraphs: [
        "Your Saldo account was just signed in to from a device we have not seen recently.",
        `Time: ${when}. Device: ${data.device}. IP address: ${ip}.`,
        "If this was you, there is nothing to do. If not, sign that session out on the Security page and change your password at once.",
      ],
      action: { label: "Open the Security page", url: data.securityUrl },
    });
  }
  return renderMail({
    subject: "Ada masuk baru ke akun Saldo Anda",
    greeting: `Halo ${data.name},`,
    paragraphs: [
      "Akun Saldo Anda baru saja dimasuki dari perangkat yang belum terlihat akhir-akhir ini.",
      `Waktu: ${when}. Perangkat: ${data.device}. Alamat IP: ${ip}.`,
      "Jika itu Anda, tidak perlu melakukan apa pun. Jika bukan, keluarkan sesi itu di halaman Keamanan dan segera ganti kata sandi Anda.",
    ],
    action: { label: "Buka halaman Keamanan", url: data.securityUrl },
  });
}
