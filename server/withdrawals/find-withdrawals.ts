// Reading withdrawals as their merchant: another merchant's withdrawal is "not found", never
// "forbidden", so its existence is not revealed.
import { db } from "../db";
import type { Withdrawal } from "../generated/sqlite/client";
import { withdrawalNotFound } from "./errors";
import type { PublicWithdrawStatus } from "./views";

export const WITHDRAW_STATUSES = ["pending", "success", "rejected"] as const satisfies readonly PublicWithdrawStatus[];
export type WithdrawStatusFilter = (typeof WITHDRAW_STATUSES)[number];

/** `pending` includes `processing`: to the merchant an approval in flight is still pending. */
export function statusWhere(status?: WithdrawStatusFilter) {
  if (!status) return {};
  return status === "pending" ? { status: { in: ["pending", "processing"] } } : { status };
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
    db.withdrawal.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * limit, take: limit }),
  ]);
  return { items, total, page, limit, totalPages: Math.ceil(total / limit) };
}
