import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { formatRupiah, formatSignedRupiah, formatWib } from "@/lib/format";
import { TwoLines } from "./cells";
import { DataTable, type DataTablePagination } from "./data-table";

type LedgerLine = { id: number; type: string; reference: string | null; description: string | null; amount: bigint; balanceAfter: bigint; createdAt: Date };

/** A wallet's ledger lines, newest first: time, type, reference, signed amount, resulting balance. */
export async function LedgerTable({
  items,
  rowTestId,
  empty,
  pagination,
  title,
  actions,
}: {
  items: LedgerLine[];
  rowTestId: string;
  empty: { title: string; body?: string };
  pagination: DataTablePagination;
  /** The card's heading, with filters and links beside it. */
  title?: string;
  actions?: ReactNode;
}) {
  const [t, locale] = await Promise.all([getTranslations("wallet"), getLocale()]);
  return (
    <DataTable
      caption={t("history")}
      title={title}
      actions={actions}
      rowTestId={rowTestId}
      items={items}
      columns={[
        { id: "time", header: t("columns.time"), kind: "time", cell: (item) => formatWib(item.createdAt, locale) },
        { id: "type", header: t("columns.type"), cell: (item) => t.has(`types.${item.type}`) ? t(`types.${item.type}`) : item.type },
        { id: "reference", header: t("columns.reference"), kind: "mono", className: "text-slate-600", cell: (item) => (
          <TwoLines sub={item.description && <span className="font-sans">{item.description}</span>}>{item.reference ?? "—"}</TwoLines>
        ) },
        { id: "amount", header: t("columns.amount"), kind: "money", cell: (item) => <span className={`font-medium ${item.amount < 0n ? "text-rose-700" : "text-emerald-700"}`}>{formatSignedRupiah(item.amount)}</span> },
        { id: "balance", header: t("columns.balance"), kind: "money", cell: (item) => formatRupiah(item.balanceAfter) },
      ]}
      empty={empty}
      pagination={pagination}
    />
  );
}
