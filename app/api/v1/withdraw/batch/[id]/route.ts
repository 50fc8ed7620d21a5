import { apiRoute, parseWith } from "@/server/http/rest";
import { batchIdInput, batchStatusQuery } from "@/server/withdrawals/batch-schemas";
import { getPayoutBatch } from "@/server/withdrawals/get-payout-batch";
import { payoutBatchRowView, payoutBatchView } from "@/server/withdrawals/payout-batch-view";

/** A batch's progress and a page of its rows in file order; another merchant's batch is 404. */
export const GET = apiRoute(async ({ caller, input, params }) => {
  const { id } = parseWith(batchIdInput, params);
  const { page, limit } = parseWith(batchStatusQuery, input);
  const { batch, progress, rows } = await getPayoutBatch({ batchId: id, merchantId: caller.merchantId, page, pageSize: limit });
  return {
    body: {
      success: true,
      ...payoutBatchView(batch, progress),
      rows: rows.items.map(payoutBatchRowView),
      pagination: { page: rows.page, limit: rows.pageSize, total: rows.total, total_pages: Math.ceil(rows.total / rows.pageSize) },
    },
  };
});
