// Tells the merchant's "batch report" recipients that a batch payout's report is ready. Called by
// the batch payout work inside the transaction that finishes the batch.
import type { Tx } from "../db";
import { batchReportReadyMail } from "../mail/templates/batch-report-ready";
import { notifyByMail } from "./send-notification-mail";

export type BatchReportReady = { merchantId: string; batchId: string; url: string; rows: number; succeeded: number; failed: number };

export async function queueBatchReportReadyMail(tx: Tx, report: BatchReportReady): Promise<number> {
  const { merchantId, ...data } = report;
  return notifyByMail(tx, merchantId, "batch-report", "batch-report-ready", (locale, r) => batchReportReadyMail(locale, { ...data, name: r.name }));
}
