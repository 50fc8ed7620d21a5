import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRupiah, formatWib } from "@/lib/format";
import { buttonClass } from "../../_components/button";
import { DataTable } from "../../_components/data-table";
import { Field } from "../../_components/field";
import { FilterBar, FilterSelect } from "../../_components/filter-select";
import { StatusBadge } from "../../_components/status-badge";
import { PageHeader, listHref, pageParam, textParam } from "../../_components/ui";
import { requireMerchant } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { titleFrom, type SearchParams } from "../../_lib/metadata";

export const generateMetadata = titleFrom("deposits", "invoicesTitle");

const STATUSES = ["pending", "paid", "expired"] as const;

export default async function InvoicesPage({ searchParams }: { searchParams: SearchParams }) {
  await requireMerchant();
  const params = await searchParams;
  const page = pageParam(params.page);
  const status = STATUSES.find((s) => s === params.status);
  const search = textParam(params.q);
  const [t, locale, trpc] = await Promise.all([getTranslations("deposits"), getLocale(), serverTrpc()]);
  const list = await trpc.deposits.list({ page, pageSize: 20, status, search: search || undefined });
  const filtered = Boolean(status || search);

  return (
    <>
      <PageHeader
        title={t("invoicesTitle")}
        subtitle={t("invoicesSubtitle")}
        actions={
          <Link href="/topup" className={buttonClass("primary", "lg")}>
            {t("newTopup")}
          </Link>
        }
      />
      <FilterBar action="/invoices" applyLabel={t("searchButton")}>
        <FilterSelect id="status" name="status" label={t("statusFilter")} defaultValue={status ?? ""} allLabel={t("allStatuses")} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <Field id="q" name="q" label={t("search")} defaultValue={search} />
      </FilterBar>
      <DataTable
        caption={t("invoicesTitle")}
        rowTestId="invoice-row"
        items={list.items}
        columns={[
          { id: "created", header: t("columns.created"), kind: "time", cell: (d) => formatWib(d.createdAt, locale) },
          { id: "id", header: t("columns.id"), kind: "mono", cell: (d) => (
            <Link href={`/invoices/${d.id}`} className="text-brand-700 hover:underline">
              {d.id}
            </Link>
          ) },
          { id: "method", header: t("columns.method"), cell: (d) => d.method },
          { id: "amount", header: t("columns.amount"), kind: "money", cell: (d) => formatRupiah(d.amount) },
          { id: "total", header: t("columns.total"), kind: "money", className: "font-medium", cell: (d) => formatRupiah(d.total) },
          { id: "status", header: t("columns.status"), cell: (d) => <StatusBadge kind="deposit" status={d.status} /> },
          { id: "expires", header: t("columns.expires"), kind: "time", cell: (d) => formatWib(d.expiredAt, locale) },
        ]}
        empty={{ title: filtered ? t("emptyFiltered") : t("empty"), body: filtered ? undefined : t("emptyBody") }}
        pagination={{ page: list.page, totalPages: list.totalPages, href: listHref("/invoices", { status, q: search }) }}
      />
    </>
  );
}
