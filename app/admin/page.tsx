import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRupiah, formatWibDate } from "@/lib/format";
import { Badge, Card, EmptyState, PageHeader, Pagination, pageParam } from "../_components/ui";
import { requireAdmin } from "../_lib/session";
import { serverTrpc } from "../_trpc/server";

export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminMerchantsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const params = await searchParams;
  const page = pageParam(params.page);
  const search = typeof params.q === "string" ? params.q.slice(0, 100) : "";
  const [t, locale, trpc] = await Promise.all([getTranslations("admin"), getLocale(), serverTrpc()]);
  const merchants = await trpc.admin.merchants({ page, pageSize: 20, search: search || undefined });

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <form role="search" className="flex gap-2">
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
            <button className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">{t("searchButton")}</button>
          </form>
        }
      />
      <Card>
        {merchants.total === 0 ? (
          <EmptyState title={t("empty")} body={t("emptyBody")} />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.merchant")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.email")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.status")}</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">{t("columns.available")}</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">{t("columns.held")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.created")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {merchants.items.map((m) => (
                    <tr key={m.id} data-testid="merchant-row">
                      <td className="px-4 py-2 font-medium">
                        <Link href={`/admin/merchants/${m.id}`} className="text-brand-700 hover:underline">
                          {m.businessName}
                        </Link>
                      </td>
                      <td className="px-4 py-2 text-slate-600">{m.email ?? "—"}</td>
                      <td className="px-4 py-2">
                        <Badge tone={m.status === "ACTIVE" ? "green" : "red"}>{t(`status.${m.status === "ACTIVE" ? "ACTIVE" : "SUSPENDED"}`)}</Badge>
                      </td>
                      <td className="tabular whitespace-nowrap px-4 py-2 text-right">{formatRupiah(m.available)}</td>
                      <td className="tabular whitespace-nowrap px-4 py-2 text-right text-slate-600">{formatRupiah(m.held)}</td>
                      <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatWibDate(m.createdAt, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={merchants.page}
              totalPages={merchants.totalPages}
              hrefFor={(p) => `/admin?${new URLSearchParams({ ...(search ? { q: search } : {}), page: String(p) })}`}
            />
          </>
        )}
      </Card>
    </>
  );
}
