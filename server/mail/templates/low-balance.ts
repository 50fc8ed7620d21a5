// Mail: the available balance fell below the merchant's threshold (once per crossing).
import { appUrl } from "../../env";
import { formatRupiah, formatWib } from "../../../lib/format";
import { renderMail, type MailLocale, type RenderedMail } from "../layout";
import { greetingFor } from "./greeting";

export type LowBalanceData = { name?: string | null; available: bigint; threshold: bigint; at: Date };

export function lowBalanceMail(locale: MailLocale, d: LowBalanceData): RenderedMail {
  const available = formatRupiah(d.available);
  const threshold = formatRupiah(d.threshold);
  const at = formatWib(d.at, locale);
  return locale === "en"
    ? renderMail({
        subject: `Low balance: ${available}`,
        greeting: greetingFor(locale, d.name),
        paragraphs: [`Your available balance was ${available} on ${at}, below your alert threshold of ${threshold}.`, "Top up to keep payouts and purchases running."],
        action: { label: "Top up", url: `${appUrl()}/topup` },
        footnote: "You can change the threshold under Settings.",
      })
    : renderMail({
        subject: `Saldo rendah: ${available}`,
        greeting: greetingFor(locale, d.name),
        paragraphs: [`Saldo tersedia Anda ${available} pada ${at}, di bawah ambang peringatan ${threshold}.`, "Isi saldo agar pencairan dan pembelian tetap berjalan."],
        action: { label: "Isi saldo", url: `${appUrl()}/topup` },
        footnote: "Ambang dapat diubah di Pengaturan.",
      });
}
