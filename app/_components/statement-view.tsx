import { getLocale, getTranslations } from "next-intl/server";
import { formatRupiah, formatWib } from "@/lib/format";
import type { walletStatement } from "@/server/treasury/statements";
import { buttonClass } from "./button";
import { DataTable } from "./data-table";
import { Field } from "./field";
import { FilterBar } from "./filter-select";
import { PageHeader } from "./ui";

/**
 * A month's statement page, for merchants and admins alike: a month picker, opening and closing
 * balance with the month's totals, a CSV download and the ledger lines.
 */
export async function StatementView({
  title,
  action,
  month,
  hidden,
  statement,
  csvHref,
}: {
  title: string;
  /** The page's own path: the month picker submits to it, with `hidden` fields kept. */
  action: string;
  month: string;
  hidden?: Record<string, string>;
  statement: Awaited<ReturnType<typeof walletStatement>>;
  csvHref: string;
}) {
  const [t, tw, locale] = await Promise.all([getTranslations("statement"), getTranslations("wallet"), getLocale()]);
  const totalDebit = statement.rows.reduce((s, r) => s + r.debit, 0n);
  const totalCredit = statement.rows.reduce((s, r) => s + r.credit, 0n);
  return (
    <>
      <PageHeader
        title={title}
        actions={
          <FilterBar action={action} applyLabel={t("show")} hidden={hidden} className="">
            <Field id="statement-month" name="month" type="month" label={t("month")} defaultValue={month} />
          </FilterBar>
        }
      />
      <DataTable
        caption={title}
        toolbar={
          <>
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
              <a href={csvHref} className={buttonClass("secondary")}>
                {t("downloadCsv")}
              </a>
            </div>
          </>
        }
        rowTestId="statement-row"
        items={statement.rows}
        columns={[
          { id: "time", header: tw("columns.time"), kind: "time", cell: (r) => formatWib(r.date, locale) },
          { id: "type", header: tw("columns.type"), cell: (r) => tw.has(`types.${r.type}`) ? tw(`types.${r.type}`) : r.type },
          { id: "reference", header: tw("columns.reference"), kind: "mono", cell: (r) => r.reference || "—" },
          { id: "debit", header: t("debit"), kind: "money", className: "text-rose-700", cell: (r) => r.debit ? formatRupiah(r.debit) : "" },
          { id: "credit", header: t("credit"), kind: "money", className: "text-emerald-700", cell: (r) => r.credit ? formatRupiah(r.credit) : "" },
          { id: "balance", header: tw("columns.balance"), kind: "money", cell: (r) => formatRupiah(r.balance) },
        ]}
        empty={{ title: t("empty") }}
      />
    </>
  );
}
