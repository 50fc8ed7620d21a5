import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRupiah } from "@/lib/format";
import { isWibDate } from "@/lib/wib-date";
import { buttonClass } from "../../_components/button";
import { Field } from "../../_components/field";
import { FilterBar } from "../../_components/filter-select";
import { LedgerTable } from "../../_components/ledger-table";
import { Banner, PageHeader, StatCard, listHref, pageParam } from "../../_components/ui";
import { requireMerchant } from "../../_lib/session";
import { serverTrpc } from "../../_trpc/server";
import { titleFrom, type SearchParams } from "../../_lib/metadata";

export const generateMetadata = titleFrom("wallet");

const PAGE_SIZE = 20;

export default async function WalletPage({ searchParams }: { searchParams: SearchParams }) {
  await requireMerchant();
  const params = await searchParams;
  const page = pageParam(params.page);
  const from = isWibDate(params.from) ? params.from : undefined;
  const to = isWibDate(params.to) ? params.to : undefined;
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
      <div className="mb-6 grid gap-4 sm:grid-cols-2">
        <StatCard label={t("available")} value={formatRupiah(balance.available)} hint={t("availableHint")} testId="available-balance" />
        <StatCard label={t("held")} value={formatRupiah(balance.held)} hint={t("heldHint")} testId="held-balance" muted />
      </div>

      <LedgerTable
        title={t("history")}
        items={history.items}
        rowTestId="ledger-row"
        empty={{ title: t("empty"), body: t("emptyBody") }}
        pagination={{ page: history.page, totalPages: history.totalPages, href: listHref("/dashboard", { from, to }) }}
        actions={
          <div className="flex flex-wrap items-end gap-2 text-sm">
            <FilterBar action="/dashboard" applyLabel={ts("filter")} className="">
              <Field id="ledger-from" name="from" type="date" label={ts("from")} defaultValue={from} />
              <Field id="ledger-to" name="to" type="date" label={ts("to")} defaultValue={to} />
            </FilterBar>
            <a href={`/api/wallet/statement?${period}`} className={buttonClass("secondary", "lg")}>
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
