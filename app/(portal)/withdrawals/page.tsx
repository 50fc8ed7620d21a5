import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRupiah, formatWib } from "@/lib/format";
import { Card, EmptyState, PageHeader, Pagination, pageParam } from "../../_components/ui";
import { WithdrawalStatusBadge } from "../../_components/withdrawal-status-badge";
import { requireMerchant } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { DetailDrawer } from "./detail-drawer";
import { WithdrawForm } from "./withdraw-form";

export async function generateMetadata() {
  return { title: (await getTranslations("withdrawals"))("title") };
}

const STATUSES = ["pending", "success", "rejected"] as const;
const PAGE_SIZE = 20;

export default async function WithdrawalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireMerchant();
  const params = await searchParams;
  const page = pageParam(params.page);
  const status = STATUSES.find((s) => s === params.status);
  const selectedId = typeof params.id === "string" ? params.id.slice(0, 64) : null;
  const [t, locale, trpc] = await Promise.all([getTranslations("withdrawals"), getLocale(), serverTrpc()]);
  const [methods, balance, list, selected] = await Promise.all([
    trpc.withdrawals.methods(),
    trpc.withdrawals.balance(),
    trpc.withdrawals.list({ page, pageSize: PAGE_SIZE, status }),
    selectedId ? trpc.withdrawals.get({ id: selectedId }).catch(() => null) : Promise.resolve(null),
  ]);
  const listQuery = (extra: Record<string, string> = {}) =>
    `/withdrawals?${new URLSearchParams({ ...(status ? { status } : {}), ...(page > 1 ? { page: String(page) } : {}), ...extra })}`;
  const methodName = (code: string) => methods.find((m) => m.code === code)?.name ?? code;
  const totalPages = Math.max(1, list.totalPages);

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <Card className="h-fit p-5">
          <h2 className="mb-1 font-semibold">{t("formTitle")}</h2>
          <p className="mb-4 text-sm text-slate-600">
            {t("available")}:{" "}
            <span className="tabular font-semibold text-slate-900" data-testid="withdraw-available">
              {formatRupiah(balance.available)}
            </span>
          </p>
          <WithdrawForm
            available={balance.available.toString()}
            methods={methods.map((m) => ({
              code: m.code,
              name: m.name,
              kind: m.kind,
              fee: m.fee.toString(),
              min: m.min.toString(),
              max: m.max.toString(),
              minDigits: m.minDigits,
              maxDigits: m.maxDigits,
            }))}
          />
        </Card>

        <div className="min-w-0">
          <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
            <h2 className="font-semibold">{t("listTitle")}</h2>
            <form className="flex items-end gap-2">
              <div className="flex flex-col gap-1">
                <label htmlFor="status" className="text-sm font-medium text-slate-700">
                  {t("statusFilter")}
                </label>
                <select id="status" name="status" defaultValue={status ?? ""} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
                  <option value="">{t("allStatuses")}</option>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`status.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <button className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">{t("apply")}</button>
            </form>
          </div>
          <Card>
            {list.total === 0 ? (
              <EmptyState title={status ? t("emptyFiltered") : t("empty")} body={status ? undefined : t("emptyBody")} />
            ) : (
              <>
                <div className="overflow-x-auto">
                  <table className="min-w-full text-sm">
                    <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                      <tr>
                        <th scope="col" className="px-4 py-2 font-medium">{t("columns.created")}</th>
                        <th scope="col" className="px-4 py-2 font-medium">{t("columns.destination")}</th>
                        <th scope="col" className="px-4 py-2 text-right font-medium">{t("columns.amount")}</th>
                        <th scope="col" className="px-4 py-2 font-medium">{t("columns.status")}</th>
                        <th scope="col" className="px-4 py-2 font-medium">{t("columns.processed")}</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {list.items.map((w) => (
                        <tr key={w.id} data-testid="withdrawal-row" data-id={w.id} className={w.id === selected?.id ? "bg-brand-50" : undefined}>
                          <td className="whitespace-nowrap px-4 py-2">
                            <Link href={listQuery({ id: w.id })} className="text-brand-700 hover:underline" aria-label={`${t("detail.title")} ${w.id}`}>
                              {formatWib(w.createdAt, locale)}
                            </Link>
                            <span className="block font-mono text-[11px] text-slate-500">{w.id}</span>
                          </td>
                          <td className="px-4 py-2">
                            {methodName(w.method)} · <span className="font-mono text-xs">{w.accountNumber}</span>
                            <span className="block text-xs text-slate-500">{w.accountName}</span>
                          </td>
                          <td className="tabular whitespace-nowrap px-4 py-2 text-right">
                            <span className="font-medium">{formatRupiah(w.amount)}</span>
                            <span className="block text-xs text-slate-500">{t("columns.totalShort", { total: formatRupiah(w.totalDeduct) })}</span>
                          </td>
                          <td className="px-4 py-2">
                            <WithdrawalStatusBadge status={w.status} />
                          </td>
                          <td className="whitespace-nowrap px-4 py-2 text-slate-600">{w.processedAt ? formatWib(w.processedAt, locale) : "—"}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pagination
                  page={page}
                  totalPages={totalPages}
                  hrefFor={(p) => `/withdrawals?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}`}
                />
              </>
            )}
          </Card>
        </div>
      </div>

      {selectedId && (
        <DetailDrawer title={t("detail.title")} closeHref={listQuery()} closeLabel={t("detail.close")}>
          {!selected ? (
            <p className="p-5 text-sm text-slate-600">{t("detail.notFound")}</p>
          ) : (
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-3 p-5 text-sm">
              <dt className="text-slate-500">{t("detail.id")}</dt>
              <dd className="break-all font-mono text-xs leading-5" data-testid="detail-id">{selected.id}</dd>
              <dt className="text-slate-500">{t("detail.status")}</dt>
              <dd data-testid="detail-status">
                <WithdrawalStatusBadge status={selected.status} />
              </dd>
              <dt className="text-slate-500">{t("detail.method")}</dt>
              <dd>{methodName(selected.method)}</dd>
              <dt className="text-slate-500">{t("detail.accountNumber")}</dt>
              <dd className="font-mono text-xs leading-5">{selected.accountNumber}</dd>
              <dt className="text-slate-500">{t("detail.accountName")}</dt>
              <dd>{selected.accountName}</dd>
              <dt className="text-slate-500">{t("detail.amount")}</dt>
              <dd className="tabular">{formatRupiah(selected.amount)}</dd>
              <dt className="text-slate-500">{t("detail.fee")}</dt>
              <dd className="tabular">{formatRupiah(selected.fee)}</dd>
              <dt className="text-slate-500">{t("detail.total")}</dt>
              <dd className="tabular font-semibold">{formatRupiah(selected.totalDeduct)}</dd>
              <dt className="text-slate-500">{t("detail.createdAt")}</dt>
              <dd>{formatWib(selected.createdAt, locale)}</dd>
              <dt className="text-slate-500">{t("detail.processedAt")}</dt>
              <dd data-testid="detail-processed-at">{selected.processedAt ? formatWib(selected.processedAt, locale) : t("detail.none")}</dd>
              <dt className="text-slate-500">{t("detail.adminNote")}</dt>
              <dd data-testid="detail-admin-note">{selected.adminNote ?? t("detail.none")}</dd>
              {(selected.status === "pending" || selected.status === "processing") && (
                <p className="col-span-2 rounded-md bg-amber-50 p-3 text-xs text-amber-800">{t("detail.pendingNote")}</p>
              )}
            </dl>
          )}
        </DetailDrawer>
      )}
    </>
  );
}
