import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRupiah, formatWib } from "@/lib/format";
import { buttonClass } from "../../_components/button";
import { Destination, MerchantLink } from "../../_components/cells";
import { DataTable } from "../../_components/data-table";
import { StatusBadge } from "../../_components/status-badge";
import { Badge, Card, EmptyState, PageHeader, Pagination, listHref, pageParam, textParam } from "../../_components/ui";
import { requireAdmin } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { BatchQueue } from "./batch-queue";
import { DeskTable, type DeskRow } from "./desk-table";
import { titleFrom, type SearchParams } from "../../_lib/metadata";

export const generateMetadata = titleFrom("adminTools.queue");

const SORTS = ["oldest", "newest", "amount_desc", "amount_asc"] as const;
const AGES = [1, 24, 72] as const;
const PAGE_SIZE = 25;

function amountParam(value: string | string[] | undefined): bigint | undefined {
  const text = textParam(value, 13).replace(/\D/g, "");
  return text && BigInt(text) > 0n ? BigInt(text) : undefined;
}

export default async function WithdrawalQueuePage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const query = await searchParams;
  const page = pageParam(query.page);
  const [t, td, locale, trpc] = await Promise.all([getTranslations("adminTools.queue"), getTranslations("desk"), getLocale(), serverTrpc()]);
  const sortText = textParam(query.sort, 20);
  const filters = {
    method: textParam(query.method, 20) || undefined,
    merchantId: textParam(query.merchant, 64) || undefined,
    minAmount: amountParam(query.min),
    maxAmount: amountParam(query.max),
    olderThanHours: AGES.find((a) => String(a) === textParam(query.age, 4)),
    sort: SORTS.find((s) => s === sortText) ?? "oldest",
  };
  const [queue, decided, methods, reviews, merchants, rule] = await Promise.all([
    trpc.withdrawalDesk.queue({ page, pageSize: PAGE_SIZE, ...filters }),
    trpc.withdrawalDesk.recentlyDecided(),
    trpc.withdrawalDesk.methods(),
    trpc.withdrawalDesk.payoutReviews(),
    trpc.withdrawalDesk.queueMerchants(),
    trpc.withdrawalDesk.approvalRule(),
  ]);
  const methodName = (code: string) => methods.find((m) => m.code === code)?.name ?? code;
  const here = {
    method: filters.method,
    merchant: filters.merchantId,
    min: filters.minAmount?.toString(),
    max: filters.maxAmount?.toString(),
    age: filters.olderThanHours?.toString(),
    sort: filters.sort === "oldest" ? undefined : filters.sort,
  };
  const filtered = Object.values(here).some((v) => v !== undefined);
  const notes = { processing: t("processingNote"), sending: t("sendingNote"), unknown: t("unknownNote") };
  const rows: DeskRow[] = queue.items.map((w) => ({
    id: w.id,
    status: w.status,
    merchant: { id: w.merchant.id, name: w.merchant.businessName, suspended: w.merchant.status !== "ACTIVE" },
    amount: w.amount.toString(),
    fee: w.fee.toString(),
    method: methodName(w.method),
    accountNumber: w.accountNumber,
    accountName: w.accountName,
    ageMinutes: w.ageMinutes,
    requestedAt: formatWib(w.createdAt, locale),
    available: w.balance.available.toString(),
    risk: w.risk,
    approvalsNeeded: w.approvalsNeeded,
    approvals: w.approvals.map((a) => ({ name: a.adminName, at: formatWib(a.at, locale) })),
    payoutRef: w.payoutRef ? `${w.payoutProvider ? `${w.payoutProvider} · ` : ""}${w.payoutRef}` : null,
    notes,
  }));
  const selectClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
  const inputClass = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} actions={<Badge tone={queue.total ? "amber" : "grey"}>{t("count", { count: queue.total })}</Badge>} />

      <Card className="mb-4 p-4">
        <form method="get" action="/admin/withdrawals" aria-label={td("filters.title")} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7 lg:items-end">
          <label className="text-xs font-medium text-slate-700">
            {td("filters.method")}
            <select name="method" defaultValue={filters.method ?? ""} className={selectClass}>
              <option value="">{td("filters.all")}</option>
              {methods.map((m) => (
                <option key={m.code} value={m.code}>{m.name}</option>
              ))}
            </select>
          </label>
          <label className="text-xs font-medium text-slate-700">
            {td("filters.merchant")}
            <select name="merchant" defaultValue={filters.merchantId ?? ""} className={selectClass}>
              <option value="">{td("filters.all")}</option>
              {merchants.map((m) => (
                <option key={m.id} value={m.id}>{m.businessName}</option>
              ))}
            </select>
          </label>
          <label className="text-xs font-medium text-slate-700">
            {td("filters.minAmount")}
            <input name="min" inputMode="numeric" pattern="[0-9]*" defaultValue={here.min ?? ""} className={inputClass} />
          </label>
          <label className="text-xs font-medium text-slate-700">
            {td("filters.maxAmount")}
            <input name="max" inputMode="numeric" pattern="[0-9]*" defaultValue={here.max ?? ""} className={inputClass} />
          </label>
          <label className="text-xs font-medium text-slate-700">
            {td("filters.age")}
            <select name="age" defaultValue={here.age ?? ""} className={selectClass}>
              <option value="">{td("filters.ageAny")}</option>
              {AGES.map((a) => (
                <option key={a} value={a}>{td("filters.ageOver", { hours: a })}</option>
              ))}
            </select>
          </label>
          <label className="text-xs font-medium text-slate-700">
            {td("filters.sort")}
            <select name="sort" defaultValue={filters.sort} className={selectClass}>
              {SORTS.map((s) => (
                <option key={s} value={s}>{td(`filters.sorts.${s}`)}</option>
              ))}
            </select>
          </label>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass("primary")}>{td("filters.apply")}</button>
            {filtered && (
              <Link href="/admin/withdrawals" className={buttonClass("secondary")}>{td("filters.reset")}</Link>
            )}
          </div>
        </form>
      </Card>

      {queue.total === 0 ? (
        <Card>
          <EmptyState title={t("empty")} body={t("emptyBody")} />
        </Card>
      ) : (
        <DeskTable rows={rows} threshold={formatRupiah(rule.secondAdminAbove)} />
      )}
      {queue.totalPages > 1 && (
        <Card className="mt-4">
          <Pagination page={queue.page} totalPages={queue.totalPages} hrefFor={(p) => listHref("/admin/withdrawals", { ...here, page: p })} />
        </Card>
      )}

      <BatchQueue page={pageParam(query.batchPage)} here={here} />

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
