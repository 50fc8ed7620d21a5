// Any merchant's withdrawals, newest first, for the admin's merchant page.
import { db } from "../db";
import { pageResult, pageSkip, type PageRequest } from "../../lib/pagination";

/** Any merchant's withdrawals, for the admin's merchant page. */
export async function listMerchantWithdrawals(merchantId: string, { page, pageSize }: PageRequest) {
  const where = { merchantId };
  const [total, items] = await Promise.all([
    db.withdrawal.count({ where }),
    db.withdrawal.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: pageSkip({ page, pageSize }), take: pageSize }),
  ]);
  return pageResult(items, total, { page, pageSize });
}
