// The merchant's portal notices (the bell on every page). Each is written in the transaction of
// the change it reports, so a notice is never lost and never sent for a change that rolled back.
import type { Tx } from "../db";

export type NotificationType = "balance.low" | "mandate.failing" | "webhook.disabled" | "payout_batch.completed";

export type MerchantNotice = { merchantId: string; type: NotificationType; title: string; body: string };

export async function notifyMerchant(tx: Tx, notice: MerchantNotice) {
  return tx.notification.create({ data: { merchantId: notice.merchantId, type: notice.type, title: notice.title, body: notice.body } });
}
