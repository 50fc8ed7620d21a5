// An admin's reconciliation of a payout whose outcome is `unknown` (the provider call timed out,
// answered 5xx or crashed, and the provider's status API could not settle it). The funds are
// still held. Once the admin has checked with the provider, they record what happened — paid
// (hold posted) or not paid (funds back) — with a note.
//
// Only `unknown` is theirs to decide. A payout being sent (`processing`, `sending`) has a
// provider answer coming — a notification, or the reconciliation job asking — and a guess now
// could pay twice or return money that did leave, so it is refused with INVALID_STATE. A claim
// stuck in `processing` (a crash between the claim and the call, or a withdrawal left
// `processing` before Saldo tracked `sending`) is moved to `unknown` by the reconciliation job
// after PAYOUT_CHECK_AFTER_SECONDS, and then becomes the admin's.
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { withdrawalNotFound } from "./errors";
import { recordPayoutOutcome } from "./record-payout-outcome";

export type ResolveWithdrawalInput = { withdrawalId: string; paid: boolean; note: string; reference?: string; actor: Actor };

function notUnknown(status: string): AppError {
  const inFlight = status === "processing" || status === "sending";
  const message = inFlight
    ? `Pencairan sedang dikirim ke penyedia (status: ${status}); tunggu jawabannya — hanya hasil yang tidak diketahui (unknown) yang bisa dicocokkan manual / The payout is being sent to the provider (status: ${status}); wait for its answer — only an unknown outcome can be reconciled by hand`
    : `Hanya pencairan berstatus unknown yang bisa dicocokkan (status: ${status}) / Only a payout whose outcome is unknown can be reconciled (status: ${status})`;
  return new AppError("INVALID_STATE", message, { status });
}

export async function resolveUnknownPayout(input: ResolveWithdrawalInput) {
  const note = input.note.trim();
  if (note.length < 3) throw new AppError("VALIDATION", "Catatan wajib diisi (minimal 3 karakter) / A note of at least 3 characters is required");
  return transaction(async (tx) => {
    const withdrawal = await tx.withdrawal.findUnique({ where: { id: input.withdrawalId } });
    if (!withdrawal) throw withdrawalNotFound();
    if (withdrawal.status !== "unknown") throw notUnknown(withdrawal.status);
    const reference = input.reference?.trim() || withdrawal.payoutRef || `manual:${withdrawal.id}`;
    const outcome = input.paid ? { status: "paid" as const, reference } : { status: "refused" as const, reason: note };
    // Guarded on `unknown` again: if the provider answered in between (settled, or in flight
    // again), this is INVALID_STATE and changes nothing.
    const settled = await recordPayoutOutcome(tx, withdrawal, outcome, { approver: input.actor, provider: input.actor }, ["unknown"]);
    await recordAudit(tx, {
      actor: input.actor,
      action: "withdraw.reconcile",
      targetType: "withdrawal",
      targetId: withdrawal.id,
      merchantId: withdrawal.merchantId,
      metadata: { paid: input.paid, note, reference: input.reference, payoutRef: withdrawal.payoutRef },
    });
    return settled;
  });
}

/** The earlier name, from when an unknown outcome stayed `processing`. */
export const resolveProcessingWithdrawal = resolveUnknownPayout;
