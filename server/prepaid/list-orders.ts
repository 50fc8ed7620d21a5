// A merchant's prepaid orders, newest first (the portal's order history). Scoped by merchant:
// another merchant's order is never listed.
import { db } from "../db";
import { pageResult, pageSkip } from "../../lib/pagination";
import { operatorName } from "./catalogue";

export const ORDER_STATUSES = [0, 1, 2] as const;

export async function listPrepaidOrders(merchantId: string, { page, pageSize, status }: { page: number; pageSize: number; status?: number }) {
  const where = { merchantId, ...(status !== undefined ? { status } : {}) };
  const [total, rows] = await Promise.all([
    db.prepaidOrder.count({ where }),
    db.prepaidOrder.findMany({ where, orderBy: [{ createdAt: "desc" }, { trId: "desc" }], skip: pageSkip({ page, pageSize }), take: pageSize }),
  ]);
  const products = await db.prepaidProduct.findMany({ where: { code: { in: [...new Set(rows.map((r) => r.productCode))] } } });
  const byCode = new Map(products.map((p) => [p.code, p]));
  return pageResult(
    rows.map((row) => {
      const product = byCode.get(row.productCode);
      return {
        trId: row.trId,
        refId: row.refId,
        productCode: row.productCode,
        productName: product?.name ?? row.productCode,
        productType: product?.type ?? null,
        operatorName: product ? operatorName(product.operator) : null,
        customerId: row.customerId,
        price: row.price,
        status: row.status,
        rc: row.rc,
        message: row.message,
        sn: row.sn,
        createdAt: row.createdAt,
        completedAt: row.completedAt,
      };
    }),
    total,
    { page, pageSize },
  );
}

export type PrepaidOrderRow = Awaited<ReturnType<typeof listPrepaidOrders>>["items"][number];
