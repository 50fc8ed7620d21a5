// Provider payments an admin must look at: an unknown reference, a wrong amount, or a payment
// after expiry — not yet reviewed, newest first.
import { db } from "../db";
import { pageResult, pageSkip, type PageRequest } from "../../lib/pagination";

export async function listPaymentReviews({ page, pageSize }: PageRequest) {
  const where = { outcome: { in: ["unknown_reference", "amount_mismatch", "late_payment"] }, reviewedAt: null };
  const [total, items] = await Promise.all([
    db.providerEvent.count({ where }),
    db.providerEvent.findMany({ where, orderBy: { createdAt: "desc" }, skip: pageSkip({ page, pageSize }), take: pageSize }),
  ]);
  return pageResult(items, total, { page, pageSize });
}
