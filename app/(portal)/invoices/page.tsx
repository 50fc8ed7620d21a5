import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRupiah, formatWib } from "@/lib/format";
import { DepositStatusBadge } from "../../_components/deposit-status-badge";
import { Card, EmptyState, PageHeader, Pagination, pageParam } from "../../_components/ui";
import { requireMerchant } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";

export async function generateMetadata() {
  return { title: (await getTranslations("deposits"))("invoicesTitle") };
}

const STATUSES = ["pending", "paid", "expired"] as const;

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireMerchant();
  const params = await searchParams;
  const page = pageParam(params.page);
  const status = STATUSES.find((s) => s === params.status);
  const search = typeof params.q === "string" ? params.q.trim().slice(0, 64) : "";
  const [t, locale, trpc] = await Promise.all([getTranslations("deposits"), getLocale(), serverTrpc()]);
  const list = await trpc.deposits.list({ page, pageSize: 20, status, search: search || undefined });
  const query = (p: number) => `/invoices?${new URLSearchParams({ ...(status ? { status } : {}), ...(search ? { q: search } : {}), page: String(p) })}`;

  return (
    <>
      <PageHeader
        title={t("invoicesTitle")}
        subtitle={t("invoicesSubtitle")}
        actions={
          <Link href="/topup" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            {t("newTopup")}
          </Link>
        }
      />
      <form className="mb-4 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="status" className="text-sm font-medium text-slate-700">{t("statusFilter")}</label>
          <select id="status" name="status" defaultValue={status ?? ""} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="">{t("allStatuses")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>{t(`status.${s}`)}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="q" className="text-sm font-medium text-slate-700">{t("search")}</label>
          <input id="q" name="q" defaultValue={search} className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </div>
        <button className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">{t("searchButton")}</button>
      </form>
      <Card>
        {list.total === 0 ? (
          <EmptyState title={status || search ? t("emptyFiltered") : t("empty")} body={status || search ? undefined : t("emptyBody")} />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.created")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.id")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.method")}</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">{t("columns.amount")}</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">{t("columns.total")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.status")}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t("columns.expires")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {list.items.map((d) => (
                    <tr key={d.id} data-testid="invoice-row">
                      <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatWib(d.createdAt, locale)}</td>
                      <td className="px-4 py-2 font-mono text-xs">
                        <Link href={`/invoices/${d.id}`} className="text-brand-700 hover:underline">{d.id}</Link>
                      </td>
                      <td className="px-4 py-2">{d.method}</td>
                      <td className="tabular whitespace-nowrap px-4 py-2 text-right">{formatRupiah(d.amount)}</td>
                      <td className="tabular whitespace-nowrap px-4 py-2 text-right font-medium">{formatRupiah(d.total)}</td>
                      <td className="px-4 py-2"><DepositStatusBadge status={d.status} /></td>
                      <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatWib(d.expiredAt, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={list.page}
              totalPages={list.totalPages}
              hrefFor={query}
            />
          </>
        )}
      </Card>
    </>
  );
}
