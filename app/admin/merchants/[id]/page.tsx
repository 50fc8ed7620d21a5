import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatRupiah, formatWib, formatWibDate } from "@/lib/format";
import { DepositStatusBadge } from "../../../_components/deposit-status-badge";
import { LedgerTable } from "../../../_components/ledger-table";
import { Badge, Card, EmptyState, PageHeader, Pagination, pageParam } from "../../../_components/ui";
import { WithdrawalStatusBadge } from "../../../_components/withdrawal-status-badge";
import { requireAdmin } from "../../../_lib/session";
import { serverTrpc } from "../../../_trpc/server";
import { AdjustmentForm, AutoApproveForm, SuspensionForm } from "./merchant-tools";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 10;

export default async function AdminMerchantPage({ params, searchParams }: Params) {
  await requireAdmin();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const [t, ta, locale, trpc] = await Promise.all([
    getTranslations("adminTools"),
    getTranslations("admin"),
    getLocale(),
    serverTrpc(),
  ]);
  const merchant = await trpc.adminDesk.merchant({ id: id.slice(0, 64) }).catch(() => null);
  if (!merchant) notFound();

  const pages = { wp: pageParam(query.wp), dp: pageParam(query.dp), lp: pageParam(query.lp) };
  const [withdrawals, deposits, ledger, methods] = await Promise.all([
    trpc.adminDesk.merchantWithdrawals({ merchantId: merchant.id, page: pages.wp, pageSize: PAGE_SIZE }),
    trpc.adminDesk.merchantDeposits({ merchantId: merchant.id, page: pages.dp, pageSize: PAGE_SIZE }),
    trpc.adminDesk.merchantLedger({ merchantId: merchant.id, page: pages.lp, pageSize: PAGE_SIZE }),
    trpc.adminDesk.withdrawalMethods(),
  ]);
  const methodName = (code: string) => methods.find((m) => m.code === code)?.name ?? code;
  const hrefWith = (key: keyof typeof pages) => (p: number) =>
    `/admin/merchants/${merchant.id}?${new URLSearchParams({ ...Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, String(v)])), [key]: String(p) })}`;
  const suspended = merchant.status === "SUSPENDED";
  const th = "px-4 py-2 font-medium";

  return (
    <>
      <Link href="/admin" className="text-sm text-brand-700 hover:underline">
        {t("merchant.back")}
      </Link>
      <PageHeader
        title={merchant.businessName}
        subtitle={t("merchant.subtitle", { email: merchant.email ?? "—", date: formatWibDate(merchant.createdAt, locale) })}
        actions={
          <div className="flex items-center gap-3">
            <Badge tone={suspended ? "red" : "green"}>
              <span data-testid="merchant-status">{ta(`status.${suspended ? "SUSPENDED" : "ACTIVE"}`)}</span>
            </Badge>
            <Link href={`/admin/audit?${new URLSearchParams({ merchant: merchant.id })}`} className="text-sm text-brand-700 hover:underline">
              {t("merchant.auditLink")}
            </Link>
          </div>
        }
      />
      {suspended && (
        <p role="status" className="mb-6 rounded-md border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800">
          {t("merchant.suspendedBanner", { reason: merchant.suspendedReason ?? "—" })}
        </p>
      )}

      <div className="mb-6 grid gap-4 sm:grid-cols-2">
        <Card className="p-5">
          <h2 className="text-sm font-medium text-slate-500">{t("merchant.available")}</h2>
          <p className="tabular mt-2 text-3xl font-semibold" data-testid="merchant-available">
            {formatRupiah(merchant.balance.available)}
          </p>
        </Card>
        <Card className="p-5">
          <h2 className="text-sm font-medium text-slate-500">{t("merchant.held")}</h2>
          <p className="tabular mt-2 text-3xl font-semibold text-slate-700" data-testid="merchant-held">
            {formatRupiah(merchant.balance.held)}
          </p>
        </Card>
      </div>

      <div className="mb-8 grid gap-4 lg:grid-cols-3">
        <Card className="p-5">
          <h2 className="mb-3 font-semibold">{t("suspend.title")}</h2>
          <SuspensionForm merchantId={merchant.id} suspended={suspended} />
        </Card>
        <Card className="p-5">
          <h2 className="mb-3 font-semibold">{t("adjust.title")}</h2>
          <AdjustmentForm merchantId={merchant.id} />
        </Card>
        <Card className="p-5">
          <h2 className="mb-3 font-semibold">{t("autoApprove.title")}</h2>
          <AutoApproveForm merchantId={merchant.id} current={merchant.autoApproveWithdrawalsUpTo?.toString() ?? null} />
        </Card>
      </div>

      <h2 className="mb-3 font-semibold">{t("merchant.withdrawals")}</h2>
      <Card className="mb-8">
        {withdrawals.total === 0 ? (
          <EmptyState title={t("merchant.noWithdrawals")} />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className={th}>{t("merchant.columns.time")}</th>
                    <th scope="col" className={th}>{t("merchant.columns.destination")}</th>
                    <th scope="col" className={`${th} text-right`}>{t("merchant.columns.amount")}</th>
                    <th scope="col" className={th}>{t("merchant.columns.status")}</th>
                    <th scope="col" className={th}>{t("merchant.columns.note")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {withdrawals.items.map((w) => (
                    <tr key={w.id} data-testid="merchant-withdrawal-row">
                      <td className="whitespace-nowrap px-4 py-2 text-slate-600">
                        {formatWib(w.createdAt, locale)}
                        <span className="block font-mono text-[11px] text-slate-500">{w.id}</span>
                      </td>
                      <td className="px-4 py-2">
                        {methodName(w.method)} · <span className="font-mono text-xs">{w.accountNumber}</span>
                        <span className="block text-xs text-slate-500">{w.accountName}</span>
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
            <Pagination page={withdrawals.page} totalPages={withdrawals.totalPages} hrefFor={hrefWith("wp")} />
          </>
        )}
      </Card>

      <h2 className="mb-3 font-semibold">{t("merchant.deposits")}</h2>
      <Card className="mb-8">
        {deposits.total === 0 ? (
          <EmptyState title={t("merchant.noDeposits")} />
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className={th}>{t("merchant.columns.time")}</th>
                    <th scope="col" className={th}>{t("merchant.columns.id")}</th>
                    <th scope="col" className={th}>{t("merchant.columns.method")}</th>
                    <th scope="col" className={`${th} text-right`}>{t("merchant.columns.amount")}</th>
                    <th scope="col" className={th}>{t("merchant.columns.status")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {deposits.items.map((d) => (
                    <tr key={d.id} data-testid="merchant-deposit-row">
                      <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatWib(d.createdAt, locale)}</td>
                      <td className="px-4 py-2 font-mono text-xs">{d.id}</td>
                      <td className="px-4 py-2">{d.method}</td>
                      <td className="tabular whitespace-nowrap px-4 py-2 text-right">{formatRupiah(d.total)}</td>
                      <td className="px-4 py-2">
                        <DepositStatusBadge status={d.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={deposits.page} totalPages={deposits.totalPages} hrefFor={hrefWith("dp")} />
          </>
        )}
      </Card>

      <h2 className="mb-3 font-semibold">{t("merchant.ledger")}</h2>
      <Card>
        {ledger.total === 0 ? (
          <EmptyState title={t("merchant.noLedger")} />
        ) : (
          <>
            <LedgerTable items={ledger.items} rowTestId="merchant-ledger-row" />
            <Pagination page={ledger.page} totalPages={ledger.totalPages} hrefFor={hrefWith("lp")} />
          </>
        )}
      </Card>
    </>
  );
}
