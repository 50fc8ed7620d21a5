import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatRupiah, formatWib, formatWibDate } from "@/lib/format";
import { Destination, TwoLines } from "../../../_components/cells";
import { DataTable } from "../../../_components/data-table";
import { LedgerTable } from "../../../_components/ledger-table";
import { StatusBadge } from "../../../_components/status-badge";
import { Card, PageHeader, StatCard, listHref, pageParam } from "../../../_components/ui";
import { requireAdmin } from "../../../_lib/session";
import { serverTrpc } from "../../../_trpc/server";
import { AdjustmentRequests } from "./adjustment-requests";
import { AdjustmentForm, AutoApproveForm, SuspensionForm } from "./merchant-tools";
import { type SearchParams } from "../../../_lib/metadata";

type Params = { params: Promise<{ id: string }>; searchParams: SearchParams };

const PAGE_SIZE = 10;

export default async function AdminMerchantPage({ params, searchParams }: Params) {
  const me = await requireAdmin();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const [t, locale, trpc] = await Promise.all([getTranslations("adminTools"), getLocale(), serverTrpc()]);
  const merchant = await trpc.merchants.get({ id: id.slice(0, 64) }).catch(() => null);
  if (!merchant) notFound();

  const pages = { wp: pageParam(query.wp), dp: pageParam(query.dp), lp: pageParam(query.lp) };
  const [withdrawals, deposits, ledger, methods, adjustments, tDesk] = await Promise.all([
    trpc.merchants.withdrawals({ merchantId: merchant.id, page: pages.wp, pageSize: PAGE_SIZE }),
    trpc.merchants.deposits({ merchantId: merchant.id, page: pages.dp, pageSize: PAGE_SIZE }),
    trpc.merchants.ledger({ merchantId: merchant.id, page: pages.lp, pageSize: PAGE_SIZE }),
    trpc.withdrawalDesk.methods(),
    trpc.merchants.adjustmentRequests({ merchantId: merchant.id }),
    getTranslations("desk.adjustments"),
  ]);
  const methodName = (code: string) => methods.find((m) => m.code === code)?.name ?? code;
  // Each table pages on its own key and keeps the others' pages.
  const here = listHref(`/admin/merchants/${merchant.id}`, pages);
  const pagination = (key: keyof typeof pages, list: { page: number; totalPages: number }) => ({ page: list.page, totalPages: list.totalPages, href: here, param: key });
  const suspended = merchant.status === "SUSPENDED";

  return (
    <>
      <Link href="/admin/merchants" className="text-sm text-brand-700 hover:underline">
        {t("merchant.back")}
      </Link>
      <PageHeader
        title={merchant.businessName}
        subtitle={t("merchant.subtitle", { email: merchant.email ?? "—", date: formatWibDate(merchant.createdAt, locale) })}
        actions={
          <div className="flex items-center gap-3">
            <StatusBadge kind="merchant" status={merchant.status} testId="merchant-status" />
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
        <StatCard label={t("merchant.available")} value={formatRupiah(merchant.balance.available)} testId="merchant-available" />
        <StatCard label={t("merchant.held")} value={formatRupiah(merchant.balance.held)} testId="merchant-held" muted />
      </div>

      <div className="mb-8 grid gap-4 lg:grid-cols-3">
        {/* Each tool only for the staff roles that may use it (support sees the merchant read-only). */}
        {me.staffCan("settings") && (
          <Card title={t("suspend.title")}>
            <SuspensionForm merchantId={merchant.id} suspended={suspended} />
          </Card>
        )}
        {me.staffCan("approve") && (
          <Card title={t("adjust.title")}>
            <AdjustmentForm merchantId={merchant.id} />
          </Card>
        )}
        {me.staffCan("settings") && (
          <Card title={t("autoApprove.title")}>
            <AutoApproveForm merchantId={merchant.id} current={merchant.autoApproveWithdrawalsUpTo?.toString() ?? null} />
          </Card>
        )}
      </div>

      <Card title={tDesk("title")} subtitle={tDesk("subtitle")} className="mb-8">
        <AdjustmentRequests
          rows={adjustments.map((a) => ({
            id: a.id,
            direction: a.direction === "debit" ? "debit" : "credit",
            amount: a.amount.toString(),
            reason: a.reason,
            status: a.status === "approved" || a.status === "rejected" ? a.status : "pending",
            requestedAt: formatWib(a.createdAt, locale),
            approvals: a.approvals.map((p) => ({ name: p.adminName, at: formatWib(p.at, locale) })),
            approvalsNeeded: a.approvalsNeeded,
            decisionNote: a.decisionNote,
          }))}
        />
      </Card>

      <h2 className="mb-3 font-semibold">{t("merchant.withdrawals")}</h2>
      <DataTable
        className="mb-8"
        caption={t("merchant.withdrawals")}
        rowTestId="merchant-withdrawal-row"
        items={withdrawals.items}
        columns={[
          { id: "time", header: t("merchant.columns.time"), kind: "time", cell: (w) => (
            <TwoLines sub={w.id} mono>
              {formatWib(w.createdAt, locale)}
            </TwoLines>
          ) },
          { id: "destination", header: t("merchant.columns.destination"), cell: (w) => <Destination method={methodName(w.method)} accountNumber={w.accountNumber} accountName={w.accountName} /> },
          { id: "amount", header: t("merchant.columns.amount"), kind: "money", cell: (w) => formatRupiah(w.amount) },
          { id: "status", header: t("merchant.columns.status"), cell: (w) => <StatusBadge kind="withdrawal" status={w.status} /> },
          { id: "note", header: t("merchant.columns.note"), className: "text-slate-600", cell: (w) => w.adminNote ?? "—" },
        ]}
        empty={{ title: t("merchant.noWithdrawals") }}
        pagination={pagination("wp", withdrawals)}
      />

      <h2 className="mb-3 font-semibold">{t("merchant.deposits")}</h2>
      <DataTable
        className="mb-8"
        caption={t("merchant.deposits")}
        rowTestId="merchant-deposit-row"
        items={deposits.items}
        columns={[
          { id: "time", header: t("merchant.columns.time"), kind: "time", cell: (d) => formatWib(d.createdAt, locale) },
          { id: "id", header: t("merchant.columns.id"), kind: "mono", cell: (d) => d.id },
          { id: "method", header: t("merchant.columns.method"), cell: (d) => d.method },
          { id: "amount", header: t("merchant.columns.amount"), kind: "money", cell: (d) => formatRupiah(d.total) },
          { id: "status", header: t("merchant.columns.status"), cell: (d) => <StatusBadge kind="deposit" status={d.status} /> },
        ]}
        empty={{ title: t("merchant.noDeposits") }}
        pagination={pagination("dp", deposits)}
      />

      <h2 className="mb-3 font-semibold">{t("merchant.ledger")}</h2>
      <LedgerTable items={ledger.items} rowTestId="merchant-ledger-row" empty={{ title: t("merchant.noLedger") }} pagination={pagination("lp", ledger)} />
    </>
  );
}
