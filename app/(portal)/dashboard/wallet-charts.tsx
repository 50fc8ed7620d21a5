"use client";
// The wallet page's four charts (recharts), each a figure with a caption, and one "show as table"
// disclosure with every number the charts draw, for screen readers and for exact reading.
import { useLocale, useTranslations } from "next-intl";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatRupiah } from "@/lib/format";
import { CHART_COLORS, METHOD_COLORS, compactRupiah, exactRupiah, shortDay } from "../../_components/charts/chart-format";
import { FlowChart } from "../../_components/charts/flow-chart";

export type WalletChartDay = { day: string; balance: string; moneyIn: string; moneyOut: string; delivered: number; failed: number };
export type WalletChartData = {
  period: number;
  days: WalletChartDay[];
  byMethod: { method: string; amount: string }[];
  totals: { delivered: number; failed: number };
};

const axisTick = { fontSize: 11, fill: CHART_COLORS.axis };

function ChartFigure({ title, description, testId, children }: { title: string; description: string; testId: string; children: React.ReactNode }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <figcaption className="mb-3">
        <h3 className="font-semibold">{title}</h3>
        <p className="text-xs text-slate-600">{description}</p>
      </figcaption>
      {children}
    </figure>
  );
}

export function WalletCharts({ data }: { data: WalletChartData }) {
  const t = useTranslations("insights");
  const locale = useLocale();
  const balances = data.days.map((d) => ({ day: d.day, balance: Number(d.balance) }));
  const callbacks = data.days.map((d) => ({ day: d.day, delivered: d.delivered, failed: d.failed }));
  const methods = data.byMethod.map((m) => ({ name: t(`methods.${m.method}` as "methods.QRIS"), amount: Number(m.amount) }));
  const attempts = data.totals.delivered + data.totals.failed;
  const rate = attempts > 0 ? new Intl.NumberFormat(locale === "en" ? "en-GB" : "id-ID", { style: "percent", maximumFractionDigits: 1 }).format(data.totals.delivered / attempts) : null;

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartFigure title={t("balanceTitle")} description={t("balanceDesc")} testId="chart-balance">
          <ResponsiveContainer width="100%" height={240}>
            <AreaChart data={balances} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
              <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
              <XAxis dataKey="day" tickFormatter={(d: string) => shortDay(d, locale)} tick={axisTick} minTickGap={12} />
              <YAxis tickFormatter={(v: number) => compactRupiah(v, locale)} tick={axisTick} width={84} />
              <Tooltip formatter={(value) => exactRupiah(value)} labelFormatter={(d) => shortDay(String(d), locale)} />
              <Area type="stepAfter" dataKey="balance" name={t("balance")} stroke={CHART_COLORS.balance} fill={CHART_COLORS.balance} fillOpacity={0.12} isAnimationActive={false} />
            </AreaChart>
          </ResponsiveContainer>
        </ChartFigure>
        <ChartFigure title={t("flowTitle")} description={t("flowDesc")} testId="chart-flow">
          <FlowChart data={data.days} locale={locale} labels={{ moneyIn: t("moneyIn"), moneyOut: t("moneyOut") }} />
        </ChartFigure>
        <ChartFigure title={t("methodTitle")} description={t("methodDesc", { period: data.period })} testId="chart-methods">
          {methods.length === 0 ? (
            <p className="py-16 text-center text-sm text-slate-500">{t("noMoneyIn")}</p>
          ) : (
            <ResponsiveContainer width="100%" height={Math.max(120, methods.length * 40 + 40)}>
              <BarChart data={methods} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
                <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
                <XAxis type="number" tickFormatter={(v: number) => compactRupiah(v, locale)} tick={axisTick} />
                <YAxis type="category" dataKey="name" tick={axisTick} width={110} />
                <Tooltip formatter={(value) => exactRupiah(value)} />
                <Bar dataKey="amount" name={t("amount")} isAnimationActive={false}>
                  {methods.map((m, i) => (
                    <Cell key={m.name} fill={METHOD_COLORS[i % METHOD_COLORS.length]} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          )}
        </ChartFigure>
        <ChartFigure title={t("callbacksTitle")} description={t("callbacksDesc")} testId="chart-callbacks">
          <p className="mb-2 text-sm font-medium" data-testid="callback-rate">
            {rate ? t("successRate", { rate }) : t("noCallbacks")}
          </p>
          <ResponsiveContainer width="100%" height={200}>
            <BarChart data={callbacks} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
              <XAxis dataKey="day" tickFormatter={(d: string) => shortDay(d, locale)} tick={axisTick} minTickGap={12} />
              <YAxis allowDecimals={false} tick={axisTick} width={32} />
              <Tooltip labelFormatter={(d) => shortDay(String(d), locale)} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="delivered" stackId="a" name={t("delivered")} fill={CHART_COLORS.delivered} isAnimationActive={false} />
              <Bar dataKey="failed" stackId="a" name={t("failed")} fill={CHART_COLORS.failed} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
      </div>

      <details className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="charts-table">
        <summary className="cursor-pointer px-4 py-3 text-sm font-medium text-brand-700">{t("showTable")}</summary>
        <div className="overflow-x-auto px-4 pb-4">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("charts")}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600">
                <th scope="col" className="py-2 pr-3 font-medium">{t("day")}</th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">{t("balance")}</th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">{t("moneyIn")}</th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">{t("moneyOut")}</th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">{t("delivered")}</th>
                <th scope="col" className="py-2 text-right font-medium">{t("failed")}</th>
              </tr>
            </thead>
            <tbody className="tabular">
              {data.days.map((d) => (
                <tr key={d.day} className="border-b border-slate-100" data-testid="chart-day-row">
                  <th scope="row" className="py-1.5 pr-3 text-left font-normal">{shortDay(d.day, locale)}</th>
                  <td className="py-1.5 pr-3 text-right">{formatRupiah(d.balance)}</td>
                  <td className="py-1.5 pr-3 text-right">{formatRupiah(d.moneyIn)}</td>
                  <td className="py-1.5 pr-3 text-right">{formatRupiah(d.moneyOut)}</td>
                  <td className="py-1.5 pr-3 text-right">{d.delivered}</td>
                  <td className="py-1.5 text-right">{d.failed}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.byMethod.length > 0 && (
            <table className="mt-4 w-full text-sm">
              <caption className="mb-1 text-left font-medium">{t("methodTitle")}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-600">
                  <th scope="col" className="py-2 pr-3 font-medium">{t("method")}</th>
                  <th scope="col" className="py-2 text-right font-medium">{t("amount")}</th>
                </tr>
              </thead>
              <tbody className="tabular">
                {data.byMethod.map((m) => (
                  <tr key={m.method} className="border-b border-slate-100" data-testid="chart-method-row">
                    <th scope="row" className="py-1.5 pr-3 text-left font-normal">{t(`methods.${m.method}` as "methods.QRIS")}</th>
                    <td className="py-1.5 text-right">{formatRupiah(m.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </details>
    </div>
  );
}
