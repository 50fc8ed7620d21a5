// The portal's delivery log: the merchant's events, newest first, each with every attempt.
import { db } from "../db";
import { pageResult, pageSkip, type PageRequest } from "../../lib/pagination";

export async function listDeliveries(merchantId: string, { page, pageSize, type, status }: PageRequest & { type?: string; status?: string }) {
  const where = { merchantId, ...(type ? { type } : {}), ...(status ? { status } : {}) };
  const [total, items] = await Promise.all([
    db.outboxEvent.count({ where }),
    db.outboxEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: pageSkip({ page, pageSize }),
      take: pageSize,
      include: { deliveries: { orderBy: { createdAt: "asc" } } },
    }),
  ]);
  return pageResult(items, total, { page, pageSize });
}
