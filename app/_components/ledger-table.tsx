import { getLocale, getTranslations } from "next-intl/server";
import { formatRupiah, formatSignedRupiah, formatWib } from "@/lib/format";

type LedgerLine = { id: number; type: string; reference: string | null; description: string | null; amount: bigint; balanceAfter: bigint; createdAt: Date };

/** A wallet's ledger lines, newest first: time, type, reference, signed amount, resulting balance. */
export async function LedgerTable({ items, rowTestId }: { items: LedgerLine[]; rowTestId: string }) {
  const [t, locale] = await Promise.all([getTranslations("wallet"), getLocale()]);
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">{t("columns.time")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("columns.type")}</th>
            <th scope="col" className="px-4 py-2 font-medium">{t("columns.reference")}</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">{t("columns.amount")}</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">{t("columns.balance")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((item) => (
            <tr key={item.id} data-testid={rowTestId}>
              <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatWib(item.createdAt, locale)}</td>
              <td className="px-4 py-2">{t.has(`types.${item.type}`) ? t(`types.${item.type as "DEPOSIT"}`) : item.type}</td>
              <td className="px-4 py-2 font-mono text-xs text-slate-600">
                {item.reference ?? "—"}
                {item.description && <span className="block font-sans text-slate-500">{item.description}</span>}
              </td>
              <td className={`tabular whitespace-nowrap px-4 py-2 text-right font-medium ${item.amount < 0n ? "text-rose-700" : "text-emerald-700"}`}>
                {formatSignedRupiah(item.amount)}
              </td>
              <td className="tabular whitespace-nowrap px-4 py-2 text-right">{formatRupiah(item.balanceAfter)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
