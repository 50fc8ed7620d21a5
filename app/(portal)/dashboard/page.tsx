import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRupiah } from "@/lib/format";
import { isWibDate } from "@/lib/wib-date";
import { buttonClass } from "../../_components/button";
import { Field } from "../../_components/field";
import { FilterBar } from "../../_components/filter-select";
import { LedgerTable } from "../../_components/ledger-table";
import { Banner, Card, EmptyState, PageHeader, listHref, pageParam } from "../../_components/ui";
import { requireMerchant } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { titleFrom, type SearchParams } from "../../_lib/metadata";
import { FigureCard } from "./figure-card";
import { WalletCharts } from "./wallet-charts";

export const generateMetadata = titleFrom("wallet");

const PAGE_SIZE = 20;
const PERIODS = [7, 30, 90] as const;
type Period = (typeof PERIODS)[number];
const periodParam = (value: string | string[] | undefined): Period => PERIODS.find((p) => String(p) === value) ?? 30;

export default async function WalletPage({ searchParams }: { searchParams: SearchParams }) {
  const me = await requireMerchant();
  const params = await searchParams;
  const page = pageParam(params.page);
  const from = isWibDate(params.from) ? params.from : undefined;
  const to = isWibDate(params.to) ? params.to : undefined;
  const period = periodParam(params.period);
  const [t, ti, trpc] = await Promise.all([getTranslations("wallet"), getTranslations("insights"), serverTrpc()]);
  const [summary, charts, history, health, tw, treasury, ts, tt] = await Promise.all([
    trpc.insights.summary(),
    trpc.insights.charts({ period }),
    trpc.wallet.history({ page, pageSize: PAGE_SIZE, from, to }),
    // Delivery health is a developer matter; other roles never call it.
    me.can("developer") ? trpc.webhooks.health() : Promise.resolve({ failed: 0, endpointDisabled: false }),
    getTranslations("webhooks"),
    trpc.treasury.overview(),
    getTranslations("statement"),
    getTranslations("treasury"),
  ]);
  const statementPeriod = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const chartData = {
    period: charts.period,
    days: charts.days.map((d) => ({ ...d, balance: String(d.balance), moneyIn: String(d.moneyIn), moneyOut: String(d.moneyOut) })),
    byMethod: charts.byMethod.map((m) => ({ method: m.method, amount: String(m.amount) })),
    totals: { delivered: charts.totals.delivered, failed: charts.totals.failed },
  };

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {treasury.alerted && treasury.threshold !== null && (
        <Banner tone="danger" testId="low-balance-banner" link={{ href: "/settings", label: tt("lowBannerLink") }}>
          {tt("lowBanner", { threshold: formatRupiah(treasury.threshold) })}
        </Banner>
      )}
      {(health.failed > 0 || health.endpointDisabled) && (
        <Banner tone="warning" testId="delivery-warning" link={{ href: "/developers/webhooks", label: tw("warningLink") }}>
          {health.endpointDisabled && <>{tw("warningDisabled")} </>}
          {health.failed > 0 && tw("warningFailed", { count: health.failed })}
        </Banner>
      )}
      <section aria-label={ti("figures")} className="mb-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <FigureCard label={t("available")} value={summary.available.value} previous={summary.available.previous} compare={(change) => ti("vsYesterdayEnd", { change })} noChange={ti("noChange")} detail={t("availableHint")} testId="available-balance" />
        <FigureCard label={t("held")} value={summary.held.value} previous={summary.held.previous} compare={(change) => ti("vsYesterdayEnd", { change })} noChange={ti("noChange")} detail={t("heldHint")} testId="held-balance" muted />
        <FigureCard label={ti("topUpsToday")} value={summary.topUpsToday.value} previous={summary.topUpsToday.previous} compare={(change) => ti("vsYesterday", { change })} noChange={ti("noChange")} detail={ti("countTopUps", { count: summary.topUpsToday.count ?? 0 })} testId="topups-today" />
        <FigureCard label={ti("withdrawalsThisMonth")} value={summary.withdrawalsThisMonth.value} previous={summary.withdrawalsThisMonth.previous} compare={(change) => ti("vsLastMonth", { change })} noChange={ti("noChange")} detail={ti("countWithdrawals", { count: summary.withdrawalsThisMonth.count ?? 0 })} testId="withdrawals-month" />
      </section>

      <section aria-labelledby="charts-heading" className="mb-6">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="charts-heading" className="text-lg font-semibold">{ti("charts")}</h2>
          <nav aria-label={ti("period")} className="flex gap-1 rounded-md border border-slate-200 bg-white p-0.5 text-sm">
            {PERIODS.map((p) => (
              <Link
                key={p}
                href={listHref("/dashboard", { period: p === 30 ? undefined : p, from, to })}
                aria-current={p === period ? "page" : undefined}
                className={`rounded px-3 py-1 font-medium ${p === period ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
              >
                {ti("periodDays", { days: p })}
              </Link>
            ))}
          </nav>
        </div>
        {charts.hasData ? (
          <WalletCharts data={chartData} />
        ) : (
          <Card>
            <div data-testid="charts-empty">
              <EmptyState title={ti("emptyTitle")} body={ti("emptyBody")} />
              <p className="pb-10 text-center">
                <Link href="/topup" className={buttonClass("primary")}>{ti("emptyAction")}</Link>
              </p>
            </div>
          </Card>
        )}
      </section>

      <LedgerTable
        title={t("history")}
        items={history.items}
        rowTestId="ledger-row"
        empty={{ title: t("empty"), body: t("emptyBody") }}
        pagination={{ page: history.page, totalPages: history.totalPages, href: listHref("/dashboard", { from, to, period: period === 30 ? undefined : period }) }}
        actions={
          <div className="flex flex-wrap items-end gap-2 text-sm">
            <FilterBar action="/dashboard" applyLabel={ts("filter")} className="">
              <Field id="ledger-from" name="from" type="date" label={ts("from")} defaultValue={from} />
              <Field id="ledger-to" name="to" type="date" label={ts("to")} defaultValue={to} />
            </FilterBar>
            <a href={`/api/wallet/statement?${statementPeriod}`} className={buttonClass("secondary", "lg")}>
              {ts("downloadCsv")}
            </a>
            <Link href="/statements" className="rounded-md px-2 py-2 font-medium text-brand-700 hover:underline">
              {ts("monthly")}
            </Link>
          </div>
        }
      />
    </>
  );
}
