import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRupiah } from "@/lib/format";
import { LedgerTable } from "../../_components/ledger-table";
import { Card, EmptyState, PageHeader, Pagination, pageParam } from "../../_components/ui";
import { requireMerchant } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";

export async function generateMetadata() {
  return { title: (await getTranslations("wallet"))("title") };
}

const PAGE_SIZE = 20;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export default async function WalletPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireMerchant();
  const params = await searchParams;
  const page = pageParam(params.page);
  const from = typeof params.from === "string" && DAY.test(params.from) ? params.from : undefined;
  const to = typeof params.to === "string" && DAY.test(params.to) ? params.to : undefined;
  const [t, trpc] = await Promise.all([getTranslations("wallet"), serverTrpc()]);
  const [balance, history, health, tw, treasury, ts, tt] = await Promise.all([
    trpc.wallet.summary(),
    trpc.wallet.history({ page, pageSize: PAGE_SIZE, from, to }),
    trpc.webhooks.health(),
    getTranslations("webhooks"),
    trpc.treasury.overview(),
    getTranslations("statement"),
    getTranslations("treasury"),
  ]);
  const period = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) });

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {treasury.alerted && treasury.threshold !== null && (
        <div role="alert" className="mb-4 flex flex-wrap items-center justify-between gap-2 rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900" data-testid="low-balance-banner">
          <span>{tt("lowBanner", { threshold: formatRupiah(treasury.threshold) })}</span>
          <Link href="/settings" className="font-medium underline">{tt("lowBannerLink")}</Link>
        </div>
      )}
      {(health.failed > 0 || health.endpointDisabled) && (
        <div role="alert" className="mb-4 flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="delivery-warning">
          <span>
            {health.endpointDisabled && <>{tw("warningDisabled")} </>}
            {health.failed > 0 && tw("warningFailed", { count: health.failed })}
          </span>
          <Link href="/developers/webhooks" className="font-medium underline">{tw("warningLink")}</Link>
        </div>
      )}
      <div className="mb-6 grid gap-4 sm:grid-cols-2">
        <Card className="p-5">
          <h2 className="text-sm font-medium text-slate-500">{t("available")}</h2>
          <p className="tabular mt-2 text-3xl font-semibold" data-testid="available-balance">
            {formatRupiah(balance.available)}
          </p>
          <p className="mt-1 text-xs text-slate-500">{t("availableHint")}</p>
        </Card>
        <Card className="p-5">
          <h2 className="text-sm font-medium text-slate-500">{t("held")}</h2>
          <p className="tabular mt-2 text-3xl font-semibold text-slate-700" data-testid="held-balance">
            {formatRupiah(balance.held)}
          </p>
          <p className="mt-1 text-xs text-slate-500">{t("heldHint")}</p>
        </Card>
      </div>

      <Card>
        <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 px-4 py-3">
          <h2 className="font-semibold">{t("history")}</h2>
          <form className="flex flex-wrap items-end gap-2 text-sm">
            <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
              {ts("from")}
              <input type="date" name="from" defaultValue={from} className="rounded-md border border-slate-300 px-2 py-1 text-sm" />
            </label>
            <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
              {ts("to")}
              <input type="date" name="to" defaultValue={to} className="rounded-md border border-slate-300 px-2 py-1 text-sm" />
            </label>
            <button className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50">{ts("filter")}</button>
            <a href={`/api/wallet/statement?${period}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50">{ts("downloadCsv")}</a>
            <Link href="/statements" className="rounded-md px-2 py-1.5 font-medium text-brand-700 hover:underline">{ts("monthly")}</Link>
          </form>
        </div>
        {history.total === 0 ? (
          <EmptyState title={t("empty")} body={t("emptyBody")} />
        ) : (
          <>
            <LedgerTable items={history.items} rowTestId="ledger-row" />
            <Pagination
              page={history.page}
              totalPages={history.totalPages}
              hrefFor={(p) => `/dashboard?${new URLSearchParams({ ...Object.fromEntries(period), page: String(p) })}`}
            />
          </>
        )}
      </Card>
    </>
  );
}
