import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRupiah, formatWib } from "@/lib/format";
import { Badge, Card, EmptyState, PageHeader, Pagination, pageParam } from "../../_components/ui";
import { WithdrawalStatusBadge } from "../../_components/withdrawal-status-badge";
import { requireAdmin } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { ResolveActions } from "./resolve-actions";
import { WithdrawalActions } from "./withdrawal-actions";

export async function generateMetadata() {
  return { title: (await getTranslations("adminTools.queue"))("title") };
}

export default async function WithdrawalQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const page = pageParam((await searchParams).page);
  const [t, locale, trpc] = await Promise.all([getTranslations("adminTools.queue"), getLocale(), serverTrpc()]);
  const [queue, decided, methods] = await Promise.all([
    trpc.adminDesk.withdrawalQueue({ page, pageSize: 20 }),
    trpc.adminDesk.recentlyDecided(),
    trpc.adminDesk.withdrawalMethods(),
  ]);
  const methodName = (code: string) => methods.find((m) => m.code === code)?.name ?? code;

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} actions={<Badge tone={queue.total ? "amber" : "grey"}>{t("count", { count: queue.total })}</Badge>} />

      {queue.total === 0 ? (
        <Card>
          <EmptyState title={t("empty")} body={t("emptyBody")} />
        </Card>
      ) : (
        <ol className="flex flex-col gap-4">
          {queue.items.map((w) => {
            const destination = `${methodName(w.method)} ${w.accountNumber} (${w.accountName})`;
            return (
              <li key={w.id}>
                <Card className="p-4">
                  <article data-testid="queue-row" data-id={w.id} aria-label={`${w.merchant.businessName} ${formatRupiah(w.amount)}`} className="grid gap-4 lg:grid-cols-[1fr_1fr_auto]">
                    <div className="flex flex-col gap-1 text-sm">
                      <div className="flex flex-wrap items-center gap-2">
                        <Link href={`/admin/merchants/${w.merchant.id}`} className="font-semibold text-brand-700 hover:underline">
                          {w.merchant.businessName}
                        </Link>
                        <WithdrawalStatusBadge status={w.status} />
                        {w.merchant.status !== "ACTIVE" && <Badge tone="red">{t("suspended")}</Badge>}
                      </div>
                      <p className="text-xs text-slate-500">
                        {t("requested", { time: formatWib(w.createdAt, locale) })} · <span className="font-mono">{w.id}</span>
                      </p>
                      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                        <dt className="text-slate-500">{t("amount")}</dt>
                        <dd className="tabular text-lg font-semibold" data-testid="queue-amount">{formatRupiah(w.amount)}</dd>
                        <dt className="text-slate-500">{t("fee")}</dt>
                        <dd className="tabular">{formatRupiah(w.fee)}</dd>
                        <dt className="text-slate-500">{t("total")}</dt>
                        <dd className="tabular">{formatRupiah(w.totalDeduct)}</dd>
                        <dt className="text-slate-500">{t("destination")}</dt>
                        <dd>
                          {methodName(w.method)} · <span className="font-mono">{w.accountNumber}</span>
                          <span className="block text-slate-600">{w.accountName}</span>
                        </dd>
                      </dl>
                    </div>
                    <div className="text-sm">
                      <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("merchantBalance")}</h3>
                      <p className="mt-1">
                        {t("available")}: <span className="tabular font-semibold">{formatRupiah(w.balance.available)}</span> · {t("held")}:{" "}
                        <span className="tabular">{formatRupiah(w.balance.held)}</span>
                      </p>
                      <h3 className="mt-3 text-xs font-medium uppercase tracking-wide text-slate-500">{t("recent")}</h3>
                      {w.recent.length === 0 ? (
                        <p className="mt-1 text-slate-500">{t("noRecent")}</p>
                      ) : (
                        <ul className="mt-1 flex flex-col gap-1">
                          {w.recent.map((r) => (
                            <li key={r.id} className="flex flex-wrap items-center gap-2">
                              <span className="tabular">{formatRupiah(r.amount)}</span>
                              <span className="text-slate-500">
                                {methodName(r.method)} {r.accountNumber}
                              </span>
                              <WithdrawalStatusBadge status={r.status} />
                              <span className="text-xs text-slate-500">{formatWib(r.processedAt ?? r.createdAt, locale)}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </div>
                    <div className="lg:w-72">
                      {w.status === "pending" ? (
                        <WithdrawalActions id={w.id} summary={{ amount: formatRupiah(w.amount), destination }} />
                      ) : (
                        <div className="flex flex-col gap-2">
                          <p className="rounded-md bg-blue-50 p-3 text-xs text-slate-700">{t("processingNote")}</p>
                          <ResolveActions id={w.id} />
                        </div>
                      )}
                    </div>
                  </article>
                </Card>
              </li>
            );
          })}
        </ol>
      )}
      {queue.totalPages > 1 && (
        <Card className="mt-4">
          <Pagination
            page={queue.page}
            totalPages={queue.totalPages}
            hrefFor={(p) => `/admin/withdrawals?page=${p}`}
          />
        </Card>
      )}

      <h2 className="mb-3 mt-8 font-semibold">{t("recentlyDecided")}</h2>
      <Card>
        {decided.length === 0 ? (
          <EmptyState title={t("recentlyDecidedEmpty")} />
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.processed")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.merchant")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.destination")}</th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">{t("columns.amount")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.status")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.note")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {decided.map((w) => (
                  <tr key={w.id} data-testid="decided-row" data-id={w.id}>
                    <td className="whitespace-nowrap px-4 py-2 text-slate-600">{w.processedAt ? formatWib(w.processedAt, locale) : "—"}</td>
                    <td className="px-4 py-2">
                      <Link href={`/admin/merchants/${w.merchant.id}`} className="text-brand-700 hover:underline">
                        {w.merchant.businessName}
                      </Link>
                    </td>
                    <td className="px-4 py-2">
                      {methodName(w.method)} · <span className="font-mono text-xs">{w.accountNumber}</span>
                    </td>
                    <td className="tabular whitespace-nowrap px-4 py-2 text-right">{formatRupiah(w.amount)}</td>
                    <td className="px-4 py-2">
                      <WithdrawalStatusBadge status={w.status} />
                    </td>
                    <td className="px-4 py-2 text-slate-600">{w.adminNote ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
