// Mail: the merchant's withdrawal was rejected (by an admin, or the provider refused the payout);
// the note says why, and the funds are back in the balance.
import { appUrl } from "../../env";
import { formatRupiah, formatWib } from "../../../lib/format";
import { renderMail, type MailLocale, type RenderedMail } from "../layout";
import { greetingFor } from "./greeting";

export type WithdrawalRejectedData = { name?: string | null; withdrawalId: string; amount: bigint; method: string; accountNumber: string; note: string; decidedAt: Date };

export function withdrawalRejectedMail(locale: MailLocale, d: WithdrawalRejectedData): RenderedMail {
  const amount = formatRupiah(d.amount);
  const at = formatWib(d.decidedAt, locale);
  const url = `${appUrl()}/withdrawals`;
  return locale === "en"
    ? renderMail({
        subject: `Withdrawal rejected: ${amount}`,
        greeting: greetingFor(locale, d.name),
        paragraphs: [
          `Your withdrawal of ${amount} to ${d.method} ${d.accountNumber} was rejected on ${at}.`,
          `Note: ${d.note}`,
          `The ${amount} is back in your available balance. Reference: ${d.withdrawalId}`,
        ],
        action: { label: "View withdrawals", url },
      })
    : renderMail({
        subject: `Penarikan ditolak: ${amount}`,
        greeting: greetingFor(locale, d.name),
        paragraphs: [
          `Penarikan Anda sebesar ${amount} ke ${d.method} ${d.accountNumber} ditolak pada ${at}.`,
          `Catatan: ${d.note}`,
          `Dana ${amount} sudah kembali ke saldo tersedia Anda. Referensi: ${d.withdrawalId}`,
        ],
        action: { label: "Lihat penarikan", url },
      });
}
