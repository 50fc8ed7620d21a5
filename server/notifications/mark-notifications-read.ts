// Opening the bell marks every unread notice read.
import { transaction } from "../db";

export async function markNotificationsRead(merchantId: string) {
  await transaction((tx) => tx.notification.updateMany({ where: { merchantId, readAt: null }, data: { readAt: new Date() } }));
}
