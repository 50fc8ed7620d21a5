// Reconciliation of a payout whose outcome was unknown (the provider call failed mid-way): the
// withdrawal stayed `processing` with its funds held. Once the admin has checked with the
// provider, they record what happened — paid (hold posted) or not paid (funds back) — with a note.
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { recordPayoutOutcome } from "./approve-withdrawal";

export type ResolveWithdrawalInput = { withdrawalId: string; paid: boolean; note: string; reference?: string; actor: Actor };

export async function resolveProcessingWithdrawal(input: ResolveWithdrawalInput) {
  const note = input.note.trim();
  if (note.length < 3) throw new AppError("VALIDATION", "Catatan wajib diisi (minimal 3 karakter) / A note of at least 3 characters is required");
  return transaction(async (tx) => {
    const withdrawal = await tx.withdrawal.findUnique({ where: { id: input.withdrawalId } });
    if (!withdrawal) throw new AppError("NOT_FOUND", "Penarikan tidak ditemukan / Withdrawal not found");
    if (withdrawal.status !== "processing") {
      throw new AppError("INVALID_STATE", `Hanya penarikan yang sedang diproses yang bisa dicocokkan / Only a processing withdrawal can be reconciled (status: ${withdrawal.status})`);
    }
    const outcome = input.paid ? { ok: true as const, reference: input.reference?.trim() || `manual:${withdrawal.id}` } : { ok: false as const, reason: note };
    const settled = await recordPayoutOutcome(tx, withdrawal, outcome, { approver: input.actor, provider: input.actor });
    await recordAudit(tx, {
      actor: input.actor,
      action: "withdraw.reconcile",
      targetType: "withdrawal",
      targetId: withdrawal.id,
      merchantId: withdrawal.merchantId,
      metadata: { paid: input.paid, note, reference: input.reference },
    });
    return settled;
  });
}
