// How a withdrawal looks to the outside: seed 003's field names, used by the status and
// history endpoints and as the data of `withdraw.*` callbacks. Amounts leave as JSON integers
// (all far below 2^53); times as ISO 8601 UTC, as the seed shows them.
import type { Withdrawal } from "../db";

/**
 * Seed 003's states. An approved payout not settled yet — `processing` (claimed), `sending` (with
 * the provider), `unknown` (outcome not known yet, funds held) — is still `pending` to the
 * merchant's systems (REST, callbacks), exactly as `processing` always was.
 */
export type PublicWithdrawStatus = "pending" | "success" | "rejected";

/** The internal states between approval and settlement. */
export const PAYOUT_IN_PROGRESS = ["processing", "sending", "unknown"] as const;

export function publicStatus(status: string): PublicWithdrawStatus {
  return status === "success" || status === "rejected" ? status : "pending";
}

/**
 * The status the merchant portal shows: as before, a payout after approval reads `processing`,
 * whether it is being sent or its outcome is still being asked about.
 */
export function portalStatus(status: string): "pending" | "processing" | "success" | "rejected" {
  return (PAYOUT_IN_PROGRESS as readonly string[]).includes(status) ? "processing" : publicStatus(status);
}

/** A withdrawal as its merchant's portal shows it: the payout's internal states read `processing`. */
export function forPortal<T extends Pick<Withdrawal, "status">>(w: T): T {
  return { ...w, status: portalStatus(w.status) };
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
