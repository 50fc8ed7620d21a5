import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRupiah, formatWib } from "@/lib/format";
import { TwoLines } from "../../../_components/cells";
import { DataTable } from "../../../_components/data-table";
import { Card, PageHeader, pageParam } from "../../../_components/ui";
import { requireMerchant } from "../../../_lib/session";
import { titleFrom, type SearchParams } from "../../../_lib/metadata";
import { serverTrpc } from "../../../_trpc/server";
import { BatchUpload, TemplateDownload } from "./batch-upload";

export const generateMetadata = titleFrom("batchPayouts");

const PAGE_SIZE = 20;

export default async function BatchPayoutsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireMerchant();
  const params = await searchParams;
  const page = pageParam(params.page);
  const [t, locale, trpc] = await Promise.all([getTranslations("batchPayouts"), getLocale(), serverTrpc()]);
  const [balance, list] = await Promise.all([trpc.withdrawals.balance(), trpc.payoutBatches.list({ page, pageSize: PAGE_SIZE })]);

  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <Link href="/withdrawals" className="text-sm font-medium text-brand-700 hover:underline">
            {t("backToWithdrawals")}
          </Link>
        }
      />
      <Card className="mb-6 p-5">
        <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0 max-w-prose">
            <h2 className="font-semibold">{t("uploadTitle")}</h2>
            <p className="mt-1 text-xs text-slate-600">{t("templateHint")}</p>
            <p className="mt-2 text-sm text-slate-600">
              {t("available")}: <span className="tabular font-semibold text-slate-900" data-testid="batch-available">{formatRupiah(balance.available)}</span>
            </p>
          </div>
          <TemplateDownload />
        </div>
        <BatchUpload available={balance.available.toString()} />
      </Card>

      <DataTable
        title={t("listTitle")}
        rowTestId="batch-row"
        items={list.items}
        rowData={(b) => ({ id: b.id })}
        columns={[
          { id: "created", header: t("list.created"), kind: "time", cell: (b) => (
            <TwoLines sub={b.id} mono>
              <Link href={`/withdrawals/batch/${b.id}`} className="text-brand-700 hover:underline" aria-label={t("detailTitle", { id: b.id })}>
                {formatWib(b.createdAt, locale)}
              </Link>
            </TwoLines>
          ) },
          { id: "file", header: t("list.file"), cell: (b) => <span className="break-all">{b.fileName ?? "—"}</span> },
          { id: "rows", header: t("list.rows"), kind: "money", cell: (b) => b.rowCount.toLocaleString(locale === "en" ? "en-US" : "id-ID") },
          { id: "total", header: t("list.total"), kind: "money", cell: (b) => formatRupiah(b.totalAmount + b.totalFee) },
          { id: "progress", header: t("list.progress"), cell: (b) => t("progressText", { decided: b.progress.decided, total: b.progress.total }) },
          { id: "status", header: t("list.status"), cell: (b) => t(`status.${b.completedAt ? "completed" : b.progress.pending > 0 ? "pending" : "processing"}`) },
        ]}
        empty={{ title: t("empty"), body: t("emptyBody") }}
        pagination={{ page, totalPages: Math.max(1, list.totalPages), href: "/withdrawals/batch" }}
      />
    </>
  );
}
