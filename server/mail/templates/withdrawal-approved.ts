// Mail: an admin approved the merchant's withdrawal; the payout is on its way.
import { appUrl } from "../../env";
import { formatRupiah, formatWib } from "../../../lib/format";
import { renderMail, type MailLocale, type RenderedMail } from "../layout";
import { greetingFor } from "./greeting";

export type WithdrawalApprovedData = { name?: string | null; withdrawalId: string; amount: bigint; method: string; accountNumber: string; decidedAt: Date };

export function withdrawalApprovedMail(locale: MailLocale, d: WithdrawalApprovedData): RenderedMail {
  const amount = formatRupiah(d.amount);
  const at = formatWib(d.decidedAt, locale);
  const url = `${appUrl()}/withdrawals`;
  return locale === "en"
    ? renderMail({
        subject: `Withdrawal approved: ${amount}`,
        greeting: greetingFor(locale, d.name),
        paragraphs: [`Your withdrawal of ${amount} to ${d.method} ${d.accountNumber} was approved on ${at} and is being paid out.`, `Reference: ${d.withdrawalId}`],
        action: { label: "View withdrawals", url },
      })
    : renderMail({
        subject: `Penarikan disetujui: ${amount}`,
        greeting: greetingFor(locale, d.name),
        paragraphs: [`Penarikan Anda sebesar ${amount} ke ${d.method} ${d.accountNumber} disetujui pada ${at} dan sedang dicairkan.`, `Referensi: ${d.withdrawalId}`],
        action: { label: "Lihat penarikan", url },
      });
}
