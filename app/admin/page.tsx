import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatRupiah, formatWib } from "@/lib/format";
import { buttonClass } from "../_components/button";
import { FlowChart } from "../_components/charts/flow-chart";
import { Badge, Card, PageHeader } from "../_components/ui";
import { requireAdmin } from "../_lib/session";
import { serverTrpc } from "../_trpc/server";
import { titleFrom } from "../_lib/metadata";

export const generateMetadata = titleFrom("adminOverview");

/** A figure that opens the list behind it. */
function Tile({ title, href, linkLabel, testId, children }: { title: string; href: string; linkLabel: string; testId: string; children: ReactNode }) {
  return (
    <Card className="flex flex-col p-4">
      <h2 className="text-sm font-medium text-slate-500">{title}</h2>
      <div className="mt-1.5 flex-1" data-testid={testId}>
        {children}
      </div>
      <Link href={href} className="mt-3 text-sm font-medium text-brand-700 hover:underline">
        {linkLabel} <span aria-hidden>→</span>
        <span className="sr-only"> {title}</span>
      </Link>
    </Card>
  );
}

function ProviderTable({ rows, caption, labels, testId }: { rows: { provider: string; count: number; amount: bigint }[]; caption: string; labels: { provider: string; count: string; amount: string; none: string; other: string }; testId: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">{labels.none}</p>;
  return (
    <table className="w-full text-sm" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="text-left text-xs text-slate-500">
          <th scope="col" className="pb-1 font-medium">{labels.provider}</th>
          <th scope="col" className="pb-1 text-right font-medium">{labels.count}</th>
          <th scope="col" className="pb-1 text-right font-medium">{labels.amount}</th>
        </tr>
      </thead>
      <tbody className="tabular">
        {rows.map((r) => (
          <tr key={r.provider} className="border-t border-slate-100">
            <th scope="row" className="py-1 text-left font-normal">{r.provider === "other" ? labels.other : r.provider}</th>
            <td className="py-1 text-right">{r.count}</td>
            <td className="py-1 text-right">{formatRupiah(r.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function AdminOverviewPage() {
  await requireAdmin();
  const [t, ta, locale, trpc] = await Promise.all([getTranslations("adminOverview"), getTranslations("admin"), getLocale(), serverTrpc()]);
  const o = await trpc.insights.adminOverview();
  const now = Date.now();
  const age = (at: Date) => {
    const minutes = Math.max(0, Math.floor((now - at.getTime()) / 60_000));
    if (minutes < 60) return t("ageMinutes", { minutes });
    if (minutes < 48 * 60) return t("ageHours", { hours: Math.floor(minutes / 60) });
    return t("ageDays", { days: Math.floor(minutes / 1440) });
  };
  const typeName = (type: string) => (t.has(`types.${type}`) ? t(`types.${type}` as "types.ADJUSTMENT") : type);
  const providerLabels = { provider: t("provider"), count: t("count"), amount: t("amount"), none: t("noneToday"), other: t("otherProvider") };
  const volume = o.volume.map((d) => ({ day: d.day, moneyIn: String(d.moneyIn), moneyOut: String(d.moneyOut) }));

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <form role="search" action="/admin/merchants" className="flex gap-2">
            <label htmlFor="q" className="sr-only">
              {ta("search")}
            </label>
            <input
              id="q"
              name="q"
              placeholder={ta("searchPlaceholder")}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-brand-500"
            />
            <button className={buttonClass("secondary")}>{ta("searchButton")}</button>
          </form>
        }
      />

      <Card className="mb-6 p-5">
        <div className="mb-4 flex flex-wrap items-start justify-between gap-2">
          <div>
            <h2 className="font-semibold">{t("float")}</h2>
            <p className="text-sm text-slate-600">{t("floatDesc")}</p>
          </div>
          <span data-testid="float-balanced">
            {o.float.balanced ? <Badge tone="green">{t("balanced")}</Badge> : <Badge tone="red">{t("unbalanced")}</Badge>}
          </span>
        </div>
        <dl className="grid gap-4 sm:grid-cols-3">
          {[
            { label: t("owed"), hint: t("owedHint"), value: o.float.owedToMerchants, testId: "float-owed" },
            { label: t("held"), hint: t("heldHint"), value: o.float.held, testId: "float-held" },
            { label: t("own"), hint: t("ownHint"), value: o.float.ownFunds, testId: "float-own" },
          ].map((f) => (
            <div key={f.testId}>
              <dt className="text-sm text-slate-500">{f.label}</dt>
              <dd className="tabular text-2xl font-semibold" data-testid={f.testId}>
                <Link href="/admin/merchants" className="hover:underline">{formatRupiah(f.value)}</Link>
              </dd>
              <dd className="text-xs text-slate-500">{f.hint}</dd>
            </div>
          ))}
        </dl>
        <details className="mt-4 text-sm">
          <summary className="cursor-pointer font-medium text-brand-700">{t("accountType")}</summary>
          <div className="overflow-x-auto">
            <table className="mt-2 w-full" data-testid="float-by-type">
              <thead>
                <tr className="text-left text-xs text-slate-500">
                  <th scope="col" className="pb-1 font-medium">{t("accountType")}</th>
                  <th scope="col" className="pb-1 text-right font-medium">{t("accounts")}</th>
                  <th scope="col" className="pb-1 text-right font-medium">{t("balance")}</th>
                </tr>
              </thead>
              <tbody className="tabular">
                {[...o.float.byMerchantType.map((r) => ({ ...r, accounts: undefined as number | undefined })), ...o.float.bySystemType].map((r) => (
                  <tr key={r.type} className="border-t border-slate-100">
                    <th scope="row" className="py-1 text-left font-normal">{typeName(r.type)}</th>
                    <td className="py-1 text-right">{r.accounts ?? ""}</td>
                    <td className="py-1 text-right">{formatRupiah(r.balance)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </Card>

      <div className="mb-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        <Tile title={t("pending")} href="/admin/withdrawals" linkLabel={t("open")} testId="overview-pending">
          <p className="tabular text-2xl font-semibold">{formatRupiah(o.pendingWithdrawals.amount)}</p>
          <p className="text-sm text-slate-600">{t("pendingCount", { count: o.pendingWithdrawals.count })}</p>
          {o.pendingWithdrawals.oldestAt && (
            <p className="text-xs text-amber-700" title={formatWib(o.pendingWithdrawals.oldestAt, locale)}>
              {t("oldest", { age: age(o.pendingWithdrawals.oldestAt) })}
            </p>
          )}
        </Tile>
        <Tile title={t("depositsToday")} href="/admin/bank-mutations?status=all" linkLabel={t("open")} testId="overview-deposits">
          <ProviderTable rows={o.depositsToday} caption={t("depositsToday")} labels={providerLabels} testId="deposits-by-provider" />
        </Tile>
        <Tile title={t("payoutsToday")} href="/admin/withdrawals" linkLabel={t("open")} testId="overview-payouts">
          <ProviderTable rows={o.payoutsToday} caption={t("payoutsToday")} labels={providerLabels} testId="payouts-by-provider" />
        </Tile>
        <Tile title={t("failing")} href="/admin/merchants" linkLabel={t("open")} testId="overview-failing">
          <p className={`text-sm font-medium ${o.failingEndpoints.failingLastHour > 0 ? "text-rose-700" : ""}`}>{t("failingLastHour", { count: o.failingEndpoints.failingLastHour })}</p>
          <p className="text-sm text-slate-600">{t("disabled", { count: o.failingEndpoints.disabled })}</p>
        </Tile>
        <Tile title={t("review")} href="/admin/bank-mutations" linkLabel={t("open")} testId="overview-review">
          <ul className="text-sm">
            <li>
              <Link href="/admin/bank-mutations" className="hover:underline">{t("reviewPayments", { count: o.awaitingReview.payments })}</Link>
            </li>
            <li>
              <Link href="/admin/bank-mutations" className="hover:underline">{t("reviewMutations", { count: o.awaitingReview.bankMutations })}</Link>
            </li>
            <li>
              <Link href="/admin/withdrawals" className="hover:underline">{t("reviewPayouts", { count: o.awaitingReview.payouts })}</Link>
            </li>
          </ul>
        </Tile>
      </div>

      <figure className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="chart-volume">
        <figcaption className="mb-3">
          <h2 className="font-semibold">{t("volume")}</h2>
          <p className="text-xs text-slate-600">{t("volumeDesc")}</p>
        </figcaption>
        <FlowChart data={volume} locale={locale} labels={{ moneyIn: t("moneyIn"), moneyOut: t("moneyOut") }} height={260} />
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium text-brand-700">{t("showTable")}</summary>
          <div className="overflow-x-auto">
            <table className="mt-2 w-full">
              <thead>
                <tr className="text-left text-xs text-slate-500">
                  <th scope="col" className="pb-1 font-medium">{t("day")}</th>
                  <th scope="col" className="pb-1 text-right font-medium">{t("moneyIn")}</th>
                  <th scope="col" className="pb-1 text-right font-medium">{t("moneyOut")}</th>
                </tr>
              </thead>
              <tbody className="tabular">
                {o.volume.map((d) => (
                  <tr key={d.day} className="border-t border-slate-100">
                    <th scope="row" className="py-1 text-left font-normal">{d.day}</th>
                    <td className="py-1 text-right">{formatRupiah(d.moneyIn)}</td>
                    <td className="py-1 text-right">{formatRupiah(d.moneyOut)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figure>
    </>
  );
}
