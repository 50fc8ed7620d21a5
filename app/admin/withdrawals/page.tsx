import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRupiah, formatWib } from "@/lib/format";
import { Destination, MerchantLink } from "../../_components/cells";
import { DataTable } from "../../_components/data-table";
import { StatusBadge } from "../../_components/status-badge";
import { Badge, Card, DetailList, EmptyState, PageHeader, Pagination, pageParam } from "../../_components/ui";
import { requireAdmin } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { ResolveActions } from "./resolve-actions";
import { WithdrawalActions } from "./withdrawal-actions";
import { titleFrom, type SearchParams } from "../../_lib/metadata";

export const generateMetadata = titleFrom("adminTools.queue");

export default async function WithdrawalQueuePage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const page = pageParam((await searchParams).page);
  const [t, locale, trpc] = await Promise.all([getTranslations("adminTools.queue"), getLocale(), serverTrpc()]);
  const [queue, decided, methods, reviews] = await Promise.all([
    trpc.withdrawalDesk.queue({ page, pageSize: 20 }),
    trpc.withdrawalDesk.recentlyDecided(),
    trpc.withdrawalDesk.methods(),
    trpc.withdrawalDesk.payoutReviews(),
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
                        <MerchantLink id={w.merchant.id} name={w.merchant.businessName} className="font-semibold" />
                        <StatusBadge kind="withdrawal" status={w.status} />
                        {w.merchant.status !== "ACTIVE" && <Badge tone="red">{t("suspended")}</Badge>}
                      </div>
                      <p className="text-xs text-slate-500">
                        {t("requested", { time: formatWib(w.createdAt, locale) })} · <span className="font-mono">{w.id}</span>
                      </p>
                      <DetailList
                        className="mt-2 gap-y-1"
                        items={[
                          { label: t("amount"), value: formatRupiah(w.amount), testId: "queue-amount", className: "tabular text-lg font-semibold" },
                          { label: t("fee"), value: formatRupiah(w.fee), className: "tabular" },
                          { label: t("total"), value: formatRupiah(w.totalDeduct), className: "tabular" },
                          { label: t("destination"), value: <Destination method={methodName(w.method)} accountNumber={w.accountNumber} accountName={w.accountName} /> },
                          w.payoutRef ? { label: t("payoutRef"), value: <span className="font-mono text-xs">{w.payoutProvider ? `${w.payoutProvider} · ` : ""}{w.payoutRef}</span>, testId: "queue-payout-ref" } : null,
                        ]}
                      />
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
                              <StatusBadge kind="withdrawal" status={r.status} />
                              <span className="text-xs text-slate-500">{formatWib(r.processedAt ?? r.createdAt, locale)}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </div>
                    <div className="lg:w-72">
                      {w.status === "pending" ? (
                        <WithdrawalActions id={w.id} summary={{ amount: formatRupiah(w.amount), destination }} />
                      ) : w.status === "unknown" ? (
                        // Only an unknown outcome is the admin's to reconcile; a payout being sent has an answer coming.
                        <div className="flex flex-col gap-2">
                          <p className="rounded-md bg-amber-50 p-3 text-xs text-amber-800">{t("unknownNote")}</p>
                          <ResolveActions id={w.id} />
                        </div>
                      ) : (
                        <p className="rounded-md bg-blue-50 p-3 text-xs text-slate-700">{t(w.status === "sending" ? "sendingNote" : "processingNote")}</p>
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

      {reviews.length > 0 && (
        <section aria-labelledby="payout-reviews" className="mt-8">
          <h2 id="payout-reviews" className="mb-1 font-semibold">{t("reviewTitle")}</h2>
          <p className="mb-3 text-sm text-slate-500">
            {t("reviewBody")}{" "}
            <Link href="/admin/audit?action=withdraw.payout_review" className="text-brand-700 hover:underline">{t("reviewAudit")}</Link>
          </p>
          <Card>
            <ul className="divide-y divide-slate-100">
              {reviews.map((r) => (
                <li key={r.id} data-testid="payout-review" data-id={r.withdrawal.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3 text-sm">
                  <Badge tone="red">{r.kind === "failed_after_success" || r.kind === "completed_after_rejection" ? t(`reviewKinds.${r.kind}`) : r.kind}</Badge>
                  <MerchantLink id={r.withdrawal.merchant.id} name={r.withdrawal.merchant.businessName} />
                  <span className="tabular">{formatRupiah(r.withdrawal.amount)}</span>
                  <StatusBadge kind="withdrawal" status={r.withdrawal.status} />
                  <span className="font-mono text-xs text-slate-500">{r.withdrawal.id}</span>
                  {r.reason && <span className="text-slate-600">{r.reason}</span>}
                  <span className="text-xs text-slate-500">{formatWib(r.at, locale)}</span>
                </li>
              ))}
            </ul>
          </Card>
        </section>
      )}

      <h2 className="mb-3 mt-8 font-semibold">{t("recentlyDecided")}</h2>
      <DataTable
        caption={t("recentlyDecided")}
        rowTestId="decided-row"
        items={decided}
        rowData={(w) => ({ id: w.id })}
        columns={[
          { id: "processed", header: t("columns.processed"), kind: "time", cell: (w) => w.processedAt ? formatWib(w.processedAt, locale) : "—" },
          { id: "merchant", header: t("columns.merchant"), cell: (w) => <MerchantLink id={w.merchant.id} name={w.merchant.businessName} /> },
          { id: "destination", header: t("columns.destination"), cell: (w) => <Destination method={methodName(w.method)} accountNumber={w.accountNumber} /> },
          { id: "amount", header: t("columns.amount"), kind: "money", cell: (w) => formatRupiah(w.amount) },
          { id: "status", header: t("columns.status"), cell: (w) => <StatusBadge kind="withdrawal" status={w.status} /> },
          { id: "note", header: t("columns.note"), className: "text-slate-600", cell: (w) => w.adminNote ?? "—" },
        ]}
        empty={{ title: t("recentlyDecidedEmpty") }}
      />
    </>
  );
}
