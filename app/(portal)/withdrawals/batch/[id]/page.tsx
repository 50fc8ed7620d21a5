import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatRupiah, formatWib } from "@/lib/format";
import { Destination, TwoLines } from "../../../../_components/cells";
import { DataTable } from "../../../../_components/data-table";
import { FilterBar, FilterSelect } from "../../../../_components/filter-select";
import { StatusBadge } from "../../../../_components/status-badge";
import { Card, DetailList, PageHeader, listHref, pageParam } from "../../../../_components/ui";
import { requireMerchant } from "../../../../_lib/session";
import { titleFrom, type SearchParams } from "../../../../_lib/metadata";
import { serverTrpc } from "../../../../_trpc/server";
import { BatchProgress, ReportDownload } from "../batch-parts";

export const generateMetadata = titleFrom("batchPayouts");

const FILTERS = ["pending", "processing", "success", "rejected"] as const;
const PAGE_SIZE = 50;

export default async function BatchDetailPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  await requireMerchant();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const page = pageParam(query.page);
  const status = FILTERS.find((s) => s === query.status);
  const [t, tw, locale, trpc] = await Promise.all([getTranslations("batchPayouts"), getTranslations("withdrawals"), getLocale(), serverTrpc()]);
  const found = await trpc.payoutBatches.get({ batchId: id.slice(0, 64), page, pageSize: PAGE_SIZE, status: status ?? "all" }).catch(() => null);
  if (!found) notFound();
  const { batch, progress, rows } = found;
  const batchStatus = batch.completedAt ? "completed" : progress.pending > 0 ? "pending" : "processing";
  const base = `/withdrawals/batch/${batch.id}`;

  return (
    <>
      <PageHeader
        title={t("detailTitle", { id: batch.id })}
        subtitle={batch.fileName ?? undefined}
        actions={
          <Link href="/withdrawals/batch" className="text-sm font-medium text-brand-700 hover:underline">
            {t("title")}
          </Link>
        }
      />
      <Card className="mb-6 p-5">
        <div className="grid gap-5 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <DetailList
            items={[
              { label: t("list.status"), value: t(`status.${batchStatus}`), testId: "batch-status" },
              { label: t("summary.rows"), value: batch.rowCount.toLocaleString(locale === "en" ? "en-US" : "id-ID") },
              { label: t("summary.amount"), value: formatRupiah(batch.totalAmount), className: "tabular" },
              { label: t("summary.fee"), value: formatRupiah(batch.totalFee), className: "tabular" },
              { label: t("summary.total"), value: formatRupiah(batch.totalAmount + batch.totalFee), className: "tabular font-semibold" },
              { label: t("list.created"), value: formatWib(batch.createdAt, locale) },
            ]}
          />
          <div className="flex flex-col gap-4">
            <BatchProgress
              decided={progress.decided}
              total={progress.total}
              live={!batch.completedAt}
              label={t("progressLabel")}
              text={t("progressText", { decided: progress.decided, total: progress.total })}
            />
            <p className="text-sm text-slate-600" data-testid="batch-counts">
              {FILTERS.map((s) => `${t(`rowStatus.${s}`)}: ${progress[s]}`).join(" · ")}
            </p>
            <ReportDownload batchId={batch.id} />
          </div>
        </div>
      </Card>

      <DataTable
        title={t("rowsCaption")}
        toolbar={
          <div className="px-4 py-3">
            <FilterBar action={base} applyLabel={t("apply")}>
              <FilterSelect id="status" name="status" label={t("statusFilter")} defaultValue={status ?? ""} allLabel={t("rowStatus.all")} options={FILTERS.map((s) => ({ value: s, label: t(`rowStatus.${s}`) }))} />
            </FilterBar>
          </div>
        }
        rowTestId="batch-withdrawal-row"
        items={rows.items}
        rowData={(w) => ({ id: w.id })}
        columns={[
          { id: "row", header: t("columns.row"), kind: "money", cell: (w) => w.batchRow ?? "" },
          { id: "destination", header: tw("columns.destination"), cell: (w) => <Destination method={w.method} accountNumber={w.accountNumber} accountName={w.accountName} /> },
          { id: "amount", header: t("columns.amount"), kind: "money", cell: (w) => (
            <TwoLines sub={tw("columns.totalShort", { total: formatRupiah(w.totalDeduct) })}>
              <span className="font-medium">{formatRupiah(w.amount)}</span>
            </TwoLines>
          ) },
          { id: "note", header: t("columns.note"), cell: (w) => <TwoLines sub={w.reference ?? undefined}>{w.note ?? "—"}</TwoLines> },
          { id: "status", header: t("list.status"), cell: (w) => (
            <TwoLines sub={w.adminNote ?? w.failureReason ?? undefined}>
              <StatusBadge kind="withdrawal" status={["processing", "sending", "unknown"].includes(w.status) ? "processing" : w.status} />
            </TwoLines>
          ) },
        ]}
        empty={{ title: t("noRows") }}
        pagination={{ page, totalPages: Math.max(1, rows.totalPages), href: listHref(base, { status }) }}
      />
    </>
  );
}
