// How a withdrawal looks to the outside: seed 003's field names, used by the status and
// history endpoints and as the data of `withdraw.*` callbacks. Amounts leave as JSON integers
// (all far below 2^53); times as ISO 8601 UTC, as the seed shows them.
import type { Withdrawal } from "../generated/sqlite/client";

/** Seed 003's states. `processing` (an approval in flight) is still `pending` to the merchant's systems. */
export type PublicWithdrawStatus = "pending" | "success" | "rejected";

export function publicStatus(status: string): PublicWithdrawStatus {
  return status === "success" || status === "rejected" ? status : "pending";
}

export function withdrawView(w: Withdrawal) {
  return {
    withdraw_id: w.id,
    amount: Number(w.amount),
    fee: Number(w.fee),
    total_deduct: Number(w.totalDeduct),
    status: publicStatus(w.status),
    method: w.method,
    account_number: w.accountNumber,
    account_name: w.accountName,
    admin_note: w.adminNote,
    created_at: w.createdAt.toISOString(),
    processed_at: w.processedAt ? w.processedAt.toISOString() : null,
  };
}
export type WithdrawView = ReturnType<typeof withdrawView>;
