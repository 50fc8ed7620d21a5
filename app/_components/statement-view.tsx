import { getLocale, getTranslations } from "next-intl/server";
import { formatRupiah, formatWib } from "@/lib/format";
import type { walletStatement } from "@/server/treasury/statements";
import { Card, EmptyState } from "./ui";

/** A month's ledger lines with opening and closing balance, for merchants and admins alike. */
export async function StatementView({ statement, csvHref }: { statement: Awaited<ReturnType<typeof walletStatement>>; csvHref: string }) {
  const [t, tw, locale] = await Promise.all([getTranslations("statement"), getTranslations("wallet"), getLocale()]);
  const totalDebit = statement.rows.reduce((s, r) => s + r.debit, 0n);
  const totalCredit = statement.rows.reduce((s, r) => s + r.credit, 0n);
  return (
    <Card>
      <dl className="grid gap-4 border-b border-slate-200 p-4 text-sm sm:grid-cols-4">
        {[
          [t("opening"), statement.opening],
          [t("totalCredit"), totalCredit],
          [t("totalDebit"), totalDebit],
          [t("closing"), statement.closing],
        ].map(([label, value]) => (
          <div key={String(label)}>
            <dt className="text-slate-500">{String(label)}</dt>
            <dd className="tabular text-lg font-semibold">{formatRupiah(value as bigint)}</dd>
          </div>
        ))}
      </dl>
      <div className="flex justify-end px-4 py-2">
        <a href={csvHref} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">{t("downloadCsv")}</a>
      </div>
      {statement.rows.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{tw("columns.time")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{tw("columns.type")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{tw("columns.reference")}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t("debit")}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t("credit")}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{tw("columns.balance")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {statement.rows.map((r, i) => (
                <tr key={i} data-testid="statement-row">
                  <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatWib(r.date, locale)}</td>
                  <td className="px-4 py-2">{tw.has(`types.${r.type}`) ? tw(`types.${r.type as "DEPOSIT"}`) : r.type}</td>
                  <td className="px-4 py-2 font-mono text-xs">{r.reference || "—"}</td>
                  <td className="tabular px-4 py-2 text-right text-rose-700">{r.debit ? formatRupiah(r.debit) : ""}</td>
                  <td className="tabular px-4 py-2 text-right text-emerald-700">{r.credit ? formatRupiah(r.credit) : ""}</td>
                  <td className="tabular px-4 py-2 text-right">{formatRupiah(r.balance)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
