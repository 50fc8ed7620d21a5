import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRupiah, formatWib } from "@/lib/format";
import { Destination, TwoLines } from "../../_components/cells";
import { DataTable } from "../../_components/data-table";
import { FilterBar, FilterSelect } from "../../_components/filter-select";
import { StatusBadge } from "../../_components/status-badge";
import { Card, DetailList, PageHeader, listHref, pageParam } from "../../_components/ui";
import { requireMerchant } from "../../_lib/session";
import { RoleNotice } from "../../_components/role-notice";
import { serverTrpc } from "../../_trpc/server";
import { DetailDrawer } from "./detail-drawer";
import { WithdrawForm } from "./withdraw-form";
import { titleFrom, type SearchParams } from "../../_lib/metadata";

export const generateMetadata = titleFrom("withdrawals");

const STATUSES = ["pending", "success", "rejected"] as const;
const PAGE_SIZE = 20;

export default async function WithdrawalsPage({ searchParams }: { searchParams: SearchParams }) {
  const me = await requireMerchant();
  const params = await searchParams;
  const page = pageParam(params.page);
  const status = STATUSES.find((s) => s === params.status);
  const selectedId = typeof params.id === "string" ? params.id.slice(0, 64) : null;
  const [t, tr, tb, locale, trpc] = await Promise.all([getTranslations("withdrawals"), getTranslations("receipts"), getTranslations("batchPayouts"), getLocale(), serverTrpc()]);
  const [methods, balance, list, selected, twoFactor] = await Promise.all([
    trpc.withdrawals.methods(),
    trpc.withdrawals.balance(),
    trpc.withdrawals.list({ page, pageSize: PAGE_SIZE, status }),
    selectedId ? trpc.withdrawals.get({ id: selectedId }).catch(() => null) : Promise.resolve(null),
    trpc.twoFactor.overview(),
  ]);
  const listQuery = (extra: { id?: string } = {}) => listHref("/withdrawals", { status, page: page > 1 ? page : undefined, ...extra });
  const methodName = (code: string) => methods.find((m) => m.code === code)?.name ?? code;

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <Link href="/withdrawals/batch" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50">
            {tb("openBatch")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <Card className="h-fit p-5">
          <h2 className="mb-1 font-semibold">{t("formTitle")}</h2>
          <p className="mb-4 text-sm text-slate-600">
            {t("available")}:{" "}
            <span className="tabular font-semibold text-slate-900" data-testid="withdraw-available">
              {formatRupiah(balance.available)}
            </span>
          </p>
          {me.can("withdraw") ? (
          <WithdrawForm
            twoFactorEnrolled={twoFactor.enrolled}
            available={balance.available.toString()}
            methods={methods.map((m) => ({
              code: m.code,
              name: m.name,
              kind: m.kind,
              fee: m.fee.toString(),
              min: m.min.toString(),
              max: m.max.toString(),
              minDigits: m.minDigits,
              maxDigits: m.maxDigits,
            }))}
          />
          ) : (
            <RoleNotice />
          )}
        </Card>

        <div className="min-w-0">
          <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
            <h2 className="font-semibold">{t("listTitle")}</h2>
            <FilterBar action="/withdrawals" applyLabel={t("apply")} className="">
              <FilterSelect id="status" name="status" label={t("statusFilter")} defaultValue={status ?? ""} allLabel={t("allStatuses")} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
            </FilterBar>
          </div>
          <DataTable
            caption={t("listTitle")}
            rowTestId="withdrawal-row"
            items={list.items}
            rowData={(w) => ({ id: w.id })}
            rowClass={(w) => w.id === selected?.id ? "bg-brand-50" : undefined}
            columns={[
              { id: "created", header: t("columns.created"), kind: "time", cell: (w) => (
                <TwoLines sub={w.id} mono>
                  <Link href={listQuery({ id: w.id })} className="text-brand-700 hover:underline" aria-label={`${t("detail.title")} ${w.id}`}>
                    {formatWib(w.createdAt, locale)}
                  </Link>
                </TwoLines>
              ) },
              { id: "destination", header: t("columns.destination"), cell: (w) => <Destination method={methodName(w.method)} accountNumber={w.accountNumber} accountName={w.accountName} /> },
              { id: "amount", header: t("columns.amount"), kind: "money", cell: (w) => (
                <TwoLines sub={t("columns.totalShort", { total: formatRupiah(w.totalDeduct) })}>
                  <span className="font-medium">{formatRupiah(w.amount)}</span>
                </TwoLines>
              ) },
              { id: "status", header: t("columns.status"), cell: (w) => (
                <span className="flex flex-wrap items-center gap-2">
                  <StatusBadge kind="withdrawal" status={w.status} />
                  {w.status === "success" && (
                    <Link href={`/receipts/withdrawal/${w.id}`} className="text-xs font-medium text-brand-700 hover:underline" aria-label={tr("linkLabel", { reference: w.id })} data-testid="receipt-link">
                      {tr("link")}
                    </Link>
                  )}
                </span>
              ) },
              { id: "processed", header: t("columns.processed"), kind: "time", cell: (w) => w.processedAt ? formatWib(w.processedAt, locale) : "—" },
            ]}
            empty={{ title: status ? t("emptyFiltered") : t("empty"), body: status ? undefined : t("emptyBody") }}
            pagination={{ page, totalPages: Math.max(1, list.totalPages), href: listHref("/withdrawals", { status }) }}
          />
        </div>
      </div>

      {selectedId && (
        <DetailDrawer title={t("detail.title")} closeHref={listQuery()} closeLabel={t("detail.close")}>
          {!selected ? (
            <p className="p-5 text-sm text-slate-600">{t("detail.notFound")}</p>
          ) : (
            <div className="p-5 text-sm">
              <DetailList
                className="gap-y-3"
                items={[
                  { label: t("detail.id"), value: selected.id, testId: "detail-id", className: "break-all font-mono text-xs leading-5" },
                  { label: t("detail.status"), value: <StatusBadge kind="withdrawal" status={selected.status} />, testId: "detail-status" },
                  { label: t("detail.method"), value: methodName(selected.method) },
                  { label: t("detail.accountNumber"), value: selected.accountNumber, className: "font-mono text-xs leading-5" },
                  { label: t("detail.accountName"), value: selected.accountName },
                  { label: t("detail.amount"), value: formatRupiah(selected.amount), className: "tabular" },
                  { label: t("detail.fee"), value: formatRupiah(selected.fee), className: "tabular" },
                  { label: t("detail.total"), value: formatRupiah(selected.totalDeduct), className: "tabular font-semibold" },
                  { label: t("detail.createdAt"), value: formatWib(selected.createdAt, locale) },
                  { label: t("detail.processedAt"), value: selected.processedAt ? formatWib(selected.processedAt, locale) : t("detail.none"), testId: "detail-processed-at" },
                  { label: t("detail.adminNote"), value: selected.adminNote ?? t("detail.none"), testId: "detail-admin-note" },
                ]}
              />
              {(selected.status === "pending" || selected.status === "processing") && <p className="mt-3 rounded-md bg-amber-50 p-3 text-xs text-amber-800">{t("detail.pendingNote")}</p>}
              {selected.status === "success" && (
                <Link href={`/receipts/withdrawal/${selected.id}`} className="mt-3 inline-block font-medium text-brand-700 hover:underline">
                  {tr("link")}
                </Link>
              )}
            </div>
          )}
        </DetailDrawer>
      )}
    </>
  );
}
