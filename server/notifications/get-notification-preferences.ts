// Settings → Notifications: the merchant's users and, per kind, who receives it (a user without a
// row receives; that is also the default when nothing was chosen) and the extra addresses.
import { db } from "../db";
import { NOTIFICATION_KINDS, type NotificationKind } from "../../lib/notification-kinds";
import { listMerchantRecipients } from "./list-merchant-recipients";

export type NotificationPreferences = {
  users: { userId: string; name: string; email: string }[];
  kinds: { kind: NotificationKind; users: { userId: string; enabled: boolean }[]; extraEmails: string[] }[];
};

export async function getNotificationPreferences(merchantId: string): Promise<NotificationPreferences> {
  const [users, prefs] = await Promise.all([
    listMerchantRecipients(merchantId),
    db.notificationPreference.findMany({ where: { merchantId }, orderBy: { createdAt: "asc" }, select: { kind: true, userId: true, email: true, enabled: true } }),
  ]);
  return {
    users: users.map((u) => ({ userId: u.userId, name: u.name, email: u.email })),
    kinds: NOTIFICATION_KINDS.map((kind) => {
      const mine = prefs.filter((p) => p.kind === kind);
      const off = new Set(mine.filter((p) => p.userId && !p.enabled).map((p) => p.userId));
      return {
        kind,
        users: users.map((u) => ({ userId: u.userId, enabled: !off.has(u.userId) })),
        extraEmails: mine.filter((p) => p.email && p.enabled).map((p) => p.email!),
      };
    }),
  };
}
