// The merchant's notices, newest first, and how many are unread (the bell's badge).
import { db } from "../db";
import { pageResult, pageSkip, type PageRequest } from "../../lib/pagination";

export async function listNotifications(merchantId: string, { page, pageSize }: PageRequest) {
  const where = { merchantId };
  const [total, unread, items] = await Promise.all([
    db.notification.count({ where }),
    db.notification.count({ where: { merchantId, readAt: null } }),
    db.notification.findMany({ where, orderBy: { createdAt: "desc" }, skip: pageSkip({ page, pageSize }), take: pageSize }),
  ]);
  return { ...pageResult(items, total, { page, pageSize }), unread };
}

export async function unreadNotifications(merchantId: string) {
  return db.notification.count({ where: { merchantId, readAt: null } });
}
