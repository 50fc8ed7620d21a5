// A batch is complete when every row is settled (success or rejected): `completedAt` is set once,
// by a guarded update, and the merchant gets one portal notice and one "batch report ready" mail
// (its rows mail nothing on their own). Called where a batch row settles (record-payout-outcome.ts,
// reject-withdrawal.ts), after the desk's decisions, and when a batch is read — the last catches a
// completion two concurrent settlements each did not see.
import { transaction, type Tx } from "../db";
import { appUrl } from "../env";
import { notifyMerchant } from "../notifications/notify-merchant";
import { queueBatchReportReadyMail } from "../notifications/queue-batch-report-ready-mail";

export async function completePayoutBatchIfDoneIn(tx: Tx, batchId: string): Promise<Date | null> {
  const open = await tx.withdrawal.count({ where: { batchId, status: { notIn: ["success", "rejected"] } } });
  if (open > 0) return null;
  const { count } = await tx.payoutBatch.updateMany({ where: { id: batchId, completedAt: null }, data: { completedAt: new Date() } });
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
}

export async function completePayoutBatchIfDone(batchId: string): Promise<Date | null> {
  return transaction((tx) => completePayoutBatchIfDoneIn(tx, batchId));
}
