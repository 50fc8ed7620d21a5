import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRupiah, formatWibDate } from "@/lib/format";
import { buttonClass } from "../../_components/button";
import { DataTable } from "../../_components/data-table";
import { StatusBadge } from "../../_components/status-badge";
import { PageHeader, listHref, pageParam, textParam } from "../../_components/ui";
import { requireAdmin } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { titleFrom, type SearchParams } from "../../_lib/metadata";

export const generateMetadata = titleFrom("admin");

export default async function AdminMerchantsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const params = await searchParams;
  const page = pageParam(params.page);
  const search = textParam(params.q, 100);
  const [t, locale, trpc] = await Promise.all([getTranslations("admin"), getLocale(), serverTrpc()]);
  const merchants = await trpc.merchants.list({ page, pageSize: 20, search: search || undefined });

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <form role="search" action="/admin/merchants" className="flex gap-2">
            <label htmlFor="q" className="sr-only">
              {t("search")}
            </label>
            <input
              id="q"
              name="q"
              defaultValue={search}
              placeholder={t("searchPlaceholder")}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-brand-500"
            />
            <button className={buttonClass("secondary")}>{t("searchButton")}</button>
          </form>
        }
      />
      <DataTable
        caption={t("title")}
        rowTestId="merchant-row"
        items={merchants.items}
        columns={[
          { id: "merchant", header: t("columns.merchant"), className: "font-medium", cell: (m) => (
            <Link href={`/admin/merchants/${m.id}`} className="text-brand-700 hover:underline">
              {m.businessName}
            </Link>
          ) },
          { id: "email", header: t("columns.email"), className: "text-slate-600", cell: (m) => m.email ?? "—" },
          { id: "status", header: t("columns.status"), cell: (m) => <StatusBadge kind="merchant" status={m.status} /> },
          { id: "available", header: t("columns.available"), kind: "money", cell: (m) => formatRupiah(m.available) },
          { id: "held", header: t("columns.held"), kind: "money", className: "text-slate-600", cell: (m) => formatRupiah(m.held) },
          { id: "created", header: t("columns.created"), kind: "time", cell: (m) => formatWibDate(m.createdAt, locale) },
        ]}
        empty={{ title: t("empty"), body: t("emptyBody") }}
        pagination={{ page: merchants.page, totalPages: merchants.totalPages, href: listHref("/admin/merchants", { q: search }) }}
      />
    </>
  );
}
