// A batch is complete when every row is settled (success or rejected): `completedAt` is set once,
// by a guarded update, and the merchant gets one portal notice and one "batch report ready" mail
// (its rows mail nothing on their own).
import { transaction } from "../db";
import { appUrl } from "../env";
import { notifyMerchant } from "../notifications/notify-merchant";
import { queueBatchReportReadyMail } from "../notifications/queue-batch-report-ready-mail";

export async function completePayoutBatchIfDone(batchId: string): Promise<Date | null> {
  return transaction(async (tx) => {
    const open = await tx.withdrawal.count({ where: { batchId, status: { notIn: ["success", "rejected"] } } });
    if (open > 0) return null;
    const now = new Date();
    const { count } = await tx.payoutBatch.updateMany({ where: { id: batchId, completedAt: null }, data: { completedAt: now } });
    const batch = await tx.payoutBatch.findUniqueOrThrow({ where: { id: batchId } });
    if (count === 1) {
      const [success, rejected] = await Promise.all([
        tx.withdrawal.count({ where: { batchId, status: "success" } }),
        tx.withdrawal.count({ where: { batchId, status: "rejected" } }),
      ]);
      await notifyMerchant(tx, {
        merchantId: batch.merchantId,
        type: "payout_batch.completed",
        title: "Batch payout selesai / Batch payout completed",
        body: `Batch ${batch.id}: ${success} berhasil, ${rejected} ditolak. Laporan CSV siap diunduh. / ${success} paid, ${rejected} rejected. The CSV report is ready.`,
      });
      await queueBatchReportReadyMail(tx, {
        merchantId: batch.merchantId,
        batchId: batch.id,
        url: `${appUrl()}/withdrawals/batch/${encodeURIComponent(batch.id)}`,
        rows: success + rejected,
        succeeded: success,
        failed: rejected,
      });
    }
    return batch.completedAt;
  });
}
