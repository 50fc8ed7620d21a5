"use client";
// The client half of DataTable (./data-table.tsx): TanStack Table underneath, markup and looks
// here. It takes plain column specs and rows whose cells are already rendered, so that server
// pages can hand them over.
//
// - `kind: "money"` columns are right-aligned in tabular numerals; "time" and "mono" set the usual
//   looks of timestamps and ids; "center" centres (checkboxes); "actions" right-aligns buttons
//   under a screen-reader-only header.
// - `empty` is shown instead of the table when there are no rows; `loading` shows skeleton rows.
// - `pagination` pages through the URL: `href` is the list's current URL, `param` the page key.
// - A row's `expansion` opens as a full-width row under it; a cell toggles it with useTableRow().
// - The table scrolls sideways inside its frame on narrow screens (390 px phones).
import { rowExpandingFeature, rowPaginationFeature, tableFeatures, useTable, type ColumnDef } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useReturnFocus } from "../_lib/use-return-focus";
import { buttonClass } from "./button";
import { EmptyState, Pagination, pageHref } from "./ui";

export type ColumnKind = "text" | "money" | "time" | "mono" | "center" | "actions";

export type DataColumn = { id: string; header: ReactNode; kind?: ColumnKind; className?: string };

export type DataRow = {
  id?: string;
  cells: Record<string, ReactNode>;
  data?: Record<string, string>;
  className?: string;
  expansion?: ReactNode;
};

export type DataTablePagination = { page: number; totalPages: number; href: string; param?: string };

const CELL_CLASS: Record<ColumnKind, string> = {
  text: "",
  money: "tabular whitespace-nowrap text-right",
  time: "whitespace-nowrap text-slate-600",
  mono: "font-mono text-xs",
  center: "text-center",
  actions: "text-right",
};

const features = tableFeatures({ rowExpandingFeature, rowPaginationFeature });

type RowControls = { expanded: boolean; setExpanded: (open: boolean) => void };
const RowContext = createContext<RowControls | null>(null);

/** For a cell or an expansion: whether its row's full-width panel is open, and a way to open or close it. */
export function useTableRow(): RowControls {
  const row = useContext(RowContext);
  if (!row) throw new Error("useTableRow() works only inside a DataTable row");
  return row;
}

/** What a table shows besides its columns and rows. */
export type DataTableOptions = {
  /** Read by screen readers: what the table lists. */
  caption: string;
  empty: { title: string; body?: string };
  pagination?: DataTablePagination;
  loading?: boolean;
  skeletonRows?: number;
  /** Classes for every row, e.g. "align-top" where cells hold several lines. */
  rowClassName?: string;
  /** `data-testid` of every row. */
  rowTestId?: string;
  testId?: string;
};

/** The button in a cell that opens and closes its row's panel (`controls`: the panel's id). */
export function RowToggle({ label, ariaLabel, controls }: { label: string; ariaLabel: string; controls: string }) {
  const { expanded, setExpanded } = useTableRow();
  const ref = useReturnFocus<HTMLButtonElement>(expanded);
  return (
    <button
      ref={ref}
      type="button"
      onClick={() => setExpanded(!expanded)}
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      aria-label={ariaLabel}
      className={buttonClass("secondary")}
    >
      {label}
    </button>
  );
}

export function DataTableView({
  caption,
  columns,
  rows,
  empty,
  pagination,
  loading = false,
  skeletonRows = 5,
  rowClassName = "",
  rowTestId,
  testId,
}: DataTableOptions & { columns: DataColumn[]; rows: DataRow[] }) {
  const t = useTranslations("common");
  const columnDefs = useMemo<ColumnDef<typeof features, DataRow>[]>(
    () => columns.map((column) => ({ id: column.id, header: () => column.header, cell: ({ row }) => row.original.cells[column.id] })),
    [columns],
  );
  // The server pages the rows (manual pagination); the table only knows which page this is.
  const page = { pageIndex: (pagination?.page ?? 1) - 1, pageSize: Math.max(rows.length, 1) };
  const table = useTable({
    features,
    columns: columnDefs,
    data: rows,
    getRowId: (row, index) => row.id ?? String(index),
    getRowCanExpand: (row) => row.original.expansion !== undefined,
    // Rows come from the server (or a parent's render) each time; an open row stays open until closed.
    autoResetAll: false,
    manualPagination: true,
    pageCount: pagination ? Math.max(1, pagination.totalPages) : 1,
    state: { pagination: page },
  });
  const kindOf = (id: string) => columns.find((column) => column.id === id)?.kind ?? "text";
  const classOf = (id: string) => [CELL_CLASS[kindOf(id)], columns.find((column) => column.id === id)?.className].filter(Boolean).join(" ");

  if (!loading && rows.length === 0) return <EmptyState title={empty.title} body={empty.body} />;
  return (
    <>
      {/* A wide table scrolls inside its frame (at 390 px too); the frame takes focus so keyboard users can scroll it. */}
      <div className="relative max-w-full overflow-x-auto" role="region" aria-label={caption || undefined} tabIndex={0}>
        <table className="min-w-full text-sm" data-testid={testId} aria-busy={loading || undefined}>
          <caption className="sr-only">{loading ? `${caption} — ${t("loading")}` : caption}</caption>
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const kind = kindOf(header.column.id);
                  return (
                    <th key={header.id} scope="col" className={`relative px-4 py-2 font-medium ${kind === "money" || kind === "actions" ? "text-right" : kind === "center" ? "text-center" : ""}`}>
                      <span className={kind === "actions" ? "sr-only" : undefined}>
                        <table.FlexRender header={header} />
                      </span>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {loading
              ? Array.from({ length: skeletonRows }, (_, i) => (
                  <tr key={i} aria-hidden>
                    {columns.map((column) => (
                      <td key={column.id} className="px-4 py-3">
                        <div className="h-3 animate-pulse rounded bg-slate-200" />
                      </td>
                    ))}
                  </tr>
                ))
              : table.getRowModel().rows.map((row) => {
                  const { data = {}, className = "", expansion } = row.original;
                  const expanded = row.getIsExpanded();
                  const dataAttributes = Object.fromEntries(Object.entries(data).map(([key, value]) => [`data-${key}`, value]));
                  return (
                    <RowContext.Provider key={row.id} value={{ expanded, setExpanded: (open) => row.toggleExpanded(open) }}>
                      <tr data-testid={rowTestId} {...dataAttributes} className={`${rowClassName} ${expanded ? "bg-slate-50" : ""} ${className}`.trim() || undefined}>
                        {row.getAllCells().map((cell) => (
                          <td key={cell.id} className={`px-4 py-2 ${classOf(cell.column.id)}`.trim()}>
                            <table.FlexRender cell={cell} />
                          </td>
                        ))}
                      </tr>
                      {expanded && expansion !== undefined && (
                        <tr className="bg-slate-50">
                          <td colSpan={columns.length} className="px-4 pb-4 pt-1">
                            {expansion}
                          </td>
                        </tr>
                      )}
                    </RowContext.Provider>
                  );
                })}
          </tbody>
        </table>
      </div>
      {pagination && !loading && (
        <Pagination
          page={table.state.pagination.pageIndex + 1}
          totalPages={table.getPageCount()}
          hrefFor={(p) => pageHref(pagination.href, p, pagination.param)}
        />
      )}
    </>
  );
}
