// The desk's bulk decision: approve or reject the selected withdrawals, each through its own
// guarded use case (give-withdrawal-approval.ts → approve-withdrawal.ts, reject-withdrawal.ts), so a
// row another admin decided a moment ago is reported as such and never decided twice. Rows are
// worked one after another; each row's outcome is collected, none stops the others.
import type { Actor } from "../audit";
import { AppError, isAppError } from "../errors";
import type { PayoutProvider } from "../providers/types";
import { giveWithdrawalApproval } from "./give-withdrawal-approval";
import { REJECT_NOTE_MAX, REJECT_NOTE_MIN, rejectWithdrawal } from "./reject-withdrawal";

export const BULK_MAX = 100;

export type BulkOutcome =
  | { id: string; outcome: "approved"; status: string }
  | { id: string; outcome: "rejected" }
  | { id: string; outcome: "awaiting_second"; approvals: number; needed: number }
  | { id: string; outcome: "already_decided"; status: string | null; message: string }
  | { id: string; outcome: "failed"; code: string; message: string };

export type DecideWithdrawalsInBulkInput =
  | { action: "approve"; ids: string[]; actor: Actor; payouts?: PayoutProvider }
  | { action: "reject"; ids: string[]; note: string; actor: Actor };

function failureOf(id: string, error: unknown): BulkOutcome {
  if (isAppError(error) && error.code === "INVALID_STATE") {
    const status = typeof error.details?.status === "string" ? error.details.status : null;
    return { id, outcome: "already_decided", status, message: error.message };
  }
  if (isAppError(error)) return { id, outcome: "failed", code: error.code, message: error.message };
  console.error(`Bulk decision on withdrawal ${id} failed:`, error);
  return { id, outcome: "failed", code: "INTERNAL", message: "Gagal diproses, coba lagi / Could not be processed, try again" };
}

export async function decideWithdrawalsInBulk(input: DecideWithdrawalsInBulkInput): Promise<{ outcomes: BulkOutcome[] }> {
  const ids = [...new Set(input.ids)];
  if (ids.length === 0 || ids.length > BULK_MAX) {
    throw new AppError("VALIDATION", `Pilih 1–${BULK_MAX} penarikan / Select 1–${BULK_MAX} withdrawals`);
  }
  if (input.action === "reject") {
    const note = input.note.trim();
    if (note.length < REJECT_NOTE_MIN || note.length > REJECT_NOTE_MAX) {
      throw new AppError("VALIDATION", "Catatan penolakan wajib diisi, 3–500 karakter / A rejection note of 3–500 characters is required");
    }
  }
  const outcomes: BulkOutcome[] = [];
  for (const id of ids) {
    try {
      if (input.action === "reject") {
        await rejectWithdrawal({ withdrawalId: id, note: input.note, actor: input.actor });
        outcomes.push({ id, outcome: "rejected" });
        continue;
      }
      const result = await giveWithdrawalApproval({ withdrawalId: id, actor: input.actor, payouts: input.payouts });
      if (result.outcome === "awaiting_second") {
        outcomes.push({ id, outcome: "awaiting_second", approvals: result.approvals, needed: result.needed });
      } else if (result.withdrawal.status === "rejected") {
        // Approved, but the provider refused the payout: the funds went back to the merchant.
        outcomes.push({ id, outcome: "failed", code: "PAYOUT_REFUSED", message: result.withdrawal.failureReason ?? "Pencairan ditolak penyedia / The provider refused the payout" });
      } else {
        outcomes.push({ id, outcome: "approved", status: result.withdrawal.status });
      }
    } catch (error) {
      outcomes.push(failureOf(id, error));
    }
  }
  return { outcomes };
}
