// Reading withdrawals as their merchant: another merchant's withdrawal is "not found", never
// "forbidden", so its existence is not revealed.
import { db, type Withdrawal } from "../db";
import { withdrawalNotFound } from "./errors";
import { pageCount, pageSkip } from "../../lib/pagination";
import { PAYOUT_IN_PROGRESS, type PublicWithdrawStatus } from "./views";

export const WITHDRAW_STATUSES = ["pending", "success", "rejected"] as const satisfies readonly PublicWithdrawStatus[];
export type WithdrawStatusFilter = (typeof WITHDRAW_STATUSES)[number];

/** `pending` includes the payout's own states: to the merchant a payout in flight is still pending. */
export function statusWhere(status?: WithdrawStatusFilter) {
  if (!status) return {};
  return status === "pending" ? { status: { in: ["pending", ...PAYOUT_IN_PROGRESS] } } : { status };
}

export async function getWithdrawalForMerchant(merchantId: string, withdrawalId: string): Promise<Withdrawal> {
  const withdrawal = await db.withdrawal.findFirst({ where: { id: withdrawalId, merchantId } });
  if (!withdrawal) throw withdrawalNotFound();
  return withdrawal;
}

export type WithdrawalPage = { items: Withdrawal[]; total: number; page: number; limit: number; totalPages: number };

/** Newest first. `page` past the end gives no items (and the true total), not an error. */
export async function listWithdrawals(merchantId: string, { page, limit, status }: { page: number; limit: number; status?: WithdrawStatusFilter }): Promise<WithdrawalPage> {
  const where = { merchantId, ...statusWhere(status) };
  const [total, items] = await Promise.all([
    db.withdrawal.count({ where }),
    db.withdrawal.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: pageSkip({ page, pageSize: limit }), take: limit }),
  ]);
  // An empty history has 0 pages: `total_pages` in the REST answer, as API.md documents.
  return { items, total, page, limit, totalPages: pageCount(total, limit, { emptyIsOnePage: false }) };
}
