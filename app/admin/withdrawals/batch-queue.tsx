// The desk's batch payouts: each batch one item (merchant, rows, total, rows by status) with
// approve all / reject all, and a link to its detail for per-row decisions.
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRupiah, formatWib } from "@/lib/format";
import { MerchantLink, TwoLines } from "../../_components/cells";
import { DataTable } from "../../_components/data-table";
import { listHref } from "../../_components/ui";
import { serverTrpc } from "../../_trpc/server";
import { BatchDecision } from "./batch-decision";

export async function BatchQueue({ page, here }: { page: number; here: Record<string, string | undefined> }) {
  const [t, locale, trpc] = await Promise.all([getTranslations("batchDesk"), getLocale(), serverTrpc()]);
  const batches = await trpc.payoutBatchDesk.queue({ page, pageSize: 10 });
  return (
    <section aria-labelledby="batch-queue" className="mt-8">
      <DataTable
        title={<span id="batch-queue">{t("title")}</span>}
        subtitle={t("subtitle")}
        caption={t("title")}
        rowTestId="desk-batch"
        items={batches.items}
        rowKey={(b) => b.id}
        rowData={(b) => ({ id: b.id })}
        columns={[
          { id: "created", header: t("columns.created"), kind: "time", cell: (b) => (
            <TwoLines sub={b.id} mono>
              <Link href={`/admin/withdrawals/batches/${b.id}`} className="text-brand-700 hover:underline" aria-label={t("openLabel", { id: b.id })}>
                {formatWib(b.createdAt, locale)}
              </Link>
            </TwoLines>
          ) },
          { id: "merchant", header: t("columns.merchant"), cell: (b) => <MerchantLink id={b.merchant.id} name={b.merchant.businessName} /> },
          { id: "rows", header: t("columns.rows"), kind: "money", cell: (b) => b.rowCount.toLocaleString(locale === "en" ? "en-US" : "id-ID") },
          { id: "total", header: t("columns.total"), kind: "money", cell: (b) => formatRupiah(b.totalAmount + b.totalFee) },
          { id: "progress", header: t("columns.progress"), cell: (b) => <span className="text-xs">{t("counts", b.progress)}</span> },
          { id: "actions", header: t("columns.actions"), kind: "actions", cell: (b) => <BatchDecision batchId={b.id} pending={b.progress.pending} /> },
        ]}
        empty={{ title: t("empty") }}
        pagination={{ page, totalPages: Math.max(1, batches.totalPages), href: listHref("/admin/withdrawals", here), param: "batchPage" }}
      />
    </section>
  );
}
