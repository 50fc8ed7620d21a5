import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRupiah, formatWib } from "@/lib/format";
import { buttonClass } from "../../_components/button";
import { DataTable } from "../../_components/data-table";
import { FilterBar, FilterSelect } from "../../_components/filter-select";
import { PageHeader, StatCard, listHref, pageParam } from "../../_components/ui";
import { requireMerchant } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { titleFrom, type SearchParams } from "../../_lib/metadata";
import { LinkStatusBadge, linkAmountText } from "./link-status-badge";

export const generateMetadata = titleFrom("paymentLinks");

const STATUSES = ["active", "inactive", "expired", "completed"] as const;

export default async function PaymentLinksPage({ searchParams }: { searchParams: SearchParams }) {
  await requireMerchant();
  const params = await searchParams;
  const page = pageParam(params.page);
  const status = STATUSES.find((s) => s === params.status);
  const [t, locale, trpc] = await Promise.all([getTranslations("paymentLinks"), getLocale(), serverTrpc()]);
  const list = await trpc.paymentLinks.list({ page, pageSize: 20, status });
  const range = (min: string, max: string) => t("range", { min, max });

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <Link href="/payment-links/new" className={buttonClass("primary", "lg")}>
            {t("newLink")}
          </Link>
        }
      />
      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <StatCard label={t("totalLinks")} value={String(list.totals.links)} testId="links-total-count" />
        <StatCard label={t("totalPayments")} value={String(list.totals.paidCount)} testId="links-paid-count" />
        <StatCard label={t("totalPaid")} value={formatRupiah(list.totals.totalPaid)} hint={t("totalPaidHint")} testId="links-total-paid" />
      </div>
      <FilterBar action="/payment-links" applyLabel={t("filterButton")}>
        <FilterSelect id="status" name="status" label={t("statusFilter")} defaultValue={status ?? ""} allLabel={t("allStatuses")} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      </FilterBar>
      <DataTable
        caption={t("title")}
        rowTestId="link-row"
        items={list.items}
        rowKey={(l) => l.id}
        columns={[
          { id: "created", header: t("columns.created"), kind: "time", cell: (l) => formatWib(l.createdAt, locale) },
          {
            id: "description",
            header: t("columns.description"),
            cell: (l) => (
              <Link href={`/payment-links/${l.id}`} className="text-brand-700 hover:underline [overflow-wrap:anywhere]">
                {l.description}
              </Link>
            ),
          },
          { id: "amount", header: t("columns.amount"), kind: "money", cell: (l) => linkAmountText(l, formatRupiah, range) },
          { id: "type", header: t("columns.type"), cell: (l) => (l.singleUse ? t("type.single") : t("type.multi")) },
          { id: "status", header: t("columns.status"), cell: (l) => <LinkStatusBadge status={l.status} /> },
          { id: "uses", header: t("columns.uses"), kind: "money", cell: (l) => String(l.paidCount) },
          { id: "totalPaid", header: t("columns.totalPaid"), kind: "money", className: "font-medium", cell: (l) => formatRupiah(l.totalPaid) },
        ]}
        empty={{ title: status ? t("emptyFiltered") : t("empty"), body: status ? undefined : t("emptyBody") }}
        pagination={{ page: list.page, totalPages: list.totalPages, href: listHref("/payment-links", { status }) }}
      />
    </>
  );
}
