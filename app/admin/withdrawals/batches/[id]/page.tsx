import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatRupiah, formatWib } from "@/lib/format";
import { MerchantLink } from "../../../../_components/cells";
import { Card, DetailList, PageHeader, Pagination, pageParam } from "../../../../_components/ui";
import { requireAdmin } from "../../../../_lib/session";
import { titleFrom, type SearchParams } from "../../../../_lib/metadata";
import { serverTrpc } from "../../../../_trpc/server";
import { BatchProgress, ReportDownload } from "../../../../(portal)/withdrawals/batch/batch-parts";
import { BatchDecision, BatchRowsTable } from "../../batch-decision";

export const generateMetadata = titleFrom("batchDesk");

const PAGE_SIZE = 50;
const STATUSES = ["pending", "processing", "success", "rejected"] as const;

export default async function AdminBatchPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  await requireAdmin();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const page = pageParam(query.page);
  const [t, tb, locale, trpc] = await Promise.all([getTranslations("batchDesk"), getTranslations("batchPayouts"), getLocale(), serverTrpc()]);
  const found = await trpc.payoutBatchDesk.get({ batchId: id.slice(0, 64), page, pageSize: PAGE_SIZE }).catch(() => null);
  if (!found) notFound();
  const { batch, progress, rows } = found;
  const statusOf = (s: string) => (["processing", "sending", "unknown"].includes(s) ? "processing" : s);

  return (
    <>
      <PageHeader
        title={tb("detailTitle", { id: batch.id })}
        subtitle={batch.fileName ?? undefined}
        actions={<Link href="/admin/withdrawals" className="text-sm font-medium text-brand-700 hover:underline">{t("back")}</Link>}
      />
      <Card className="mb-6 p-5">
        <div className="grid gap-5 md:grid-cols-2">
          <DetailList
            items={[
              { label: t("columns.merchant"), value: <MerchantLink id={batch.merchant.id} name={batch.merchant.businessName} /> },
              { label: t("columns.rows"), value: batch.rowCount.toLocaleString(locale === "en" ? "en-US" : "id-ID") },
              { label: tb("summary.amount"), value: formatRupiah(batch.totalAmount), className: "tabular" },
              { label: tb("summary.fee"), value: formatRupiah(batch.totalFee), className: "tabular" },
              { label: t("columns.created"), value: formatWib(batch.createdAt, locale) },
            ]}
          />
          <div className="flex flex-col gap-3">
            <BatchProgress decided={progress.decided} total={progress.total} live={false} label={tb("progressLabel")} text={tb("progressText", { decided: progress.decided, total: progress.total })} />
            <p className="text-sm text-slate-600" data-testid="desk-batch-counts">{t("counts", progress)}</p>
            <BatchDecision batchId={batch.id} pending={progress.pending} />
            <ReportDownload batchId={batch.id} admin />
          </div>
        </div>
      </Card>
      <BatchRowsTable
        batchId={batch.id}
        caption={tb("rowsCaption")}
        headers={{ row: tb("columns.row"), destination: tb("columns.accountNumber"), amount: tb("columns.amount"), status: tb("list.status"), note: tb("columns.note") }}
        rows={rows.items.map((w) => ({
          id: w.id,
          row: w.batchRow ?? 0,
          destination: `${w.method.toUpperCase()} ${w.accountNumber} · ${w.accountName}`,
          amount: formatRupiah(w.amount),
          status: w.status,
          statusLabel: tb(`rowStatus.${STATUSES.find((s) => s === statusOf(w.status)) ?? "pending"}`),
          note: w.adminNote ?? w.failureReason ?? w.note ?? "",
        }))}
      />
      {rows.totalPages > 1 && (
        <Card className="mt-4">
          <Pagination page={rows.page} totalPages={rows.totalPages} hrefFor={(p) => `/admin/withdrawals/batches/${batch.id}?page=${p}`} />
        </Card>
      )}
    </>
  );
}
