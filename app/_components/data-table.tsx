// The one table for every list, in its card. A page — server component or client — gives the
// items and one column definition per column: its header, its kind, and how to render the cell
// for an item. The cells are rendered here (on the server for server pages), then handed to the
// client half (./data-table-view.tsx, TanStack Table) as plain data.
//
//   <DataTable caption={t("title")} items={list.items}
//     columns={[{ id: "amount", header: t("columns.amount"), kind: "money", cell: (d) => formatRupiah(d.amount) }, …]}
//     rowTestId="invoice-row" empty={{ title: t("empty") }} pagination={{ page, totalPages, href: "/invoices?status=paid" }} />
import type { ReactNode } from "react";
import { DataTableView, type ColumnKind, type DataTableOptions } from "./data-table-view";
import { Card, CardHeader } from "./ui";

export { RowToggle, useTableRow, type ColumnKind, type DataTablePagination } from "./data-table-view";

export type Column<T> = {
  id: string;
  header: ReactNode;
  /** "money": right-aligned tabular numerals; "time", "mono": timestamps and ids; "center"; "actions": buttons, header for screen readers only. */
  kind?: ColumnKind;
  className?: string;
  cell: (item: T) => ReactNode;
};

export function DataTable<T>({
  title,
  subtitle,
  actions,
  toolbar,
  className = "",
  bare = false,
  caption,
  items,
  columns,
  rowKey,
  rowData,
  rowClass,
  expansion,
  ...options
}: Omit<DataTableOptions, "caption"> & {
  /** The card's heading (also the caption unless `caption` is given), with `subtitle` and `actions` beside it. */
  title?: ReactNode;
  subtitle?: string;
  actions?: ReactNode;
  /** Between the card's heading and the table: filters, a form, a summary. */
  toolbar?: ReactNode;
  /** Classes of the card. */
  className?: string;
  /** No card around the table (it sits in a frame of its own). */
  bare?: boolean;
  caption?: string;
  items: T[];
  columns: Column<T>[];
  /** A stable key per row; give one when a cell keeps state (a button mid-confirmation). Defaults to the position. */
  rowKey?: (item: T) => string;
  /** More `data-*` attributes per row, e.g. `(w) => ({ id: w.id })` → `data-id`. */
  rowData?: (item: T) => Record<string, string>;
  rowClass?: (item: T) => string | undefined;
  /** A full-width panel under the row, opened and closed from a cell with useTableRow(). */
  expansion?: (item: T) => ReactNode;
}) {
  const rows = items.map((item) => ({
    id: rowKey?.(item),
    data: rowData?.(item),
    className: rowClass?.(item),
    expansion: expansion?.(item) ?? undefined,
    cells: Object.fromEntries(columns.map((column) => [column.id, column.cell(item)])),
  }));
  const table = (
    <DataTableView caption={caption ?? (typeof title === "string" ? title : "")} columns={columns.map(({ id, header, kind, className }) => ({ id, header, kind, className }))} rows={rows} {...options} />
  );
  if (bare) return table;
  return (
    <Card className={className}>
      {title && <CardHeader title={title} subtitle={subtitle} actions={actions} />}
      {toolbar}
      {table}
    </Card>
  );
}
