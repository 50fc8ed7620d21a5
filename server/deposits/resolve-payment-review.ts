// An admin settles a provider payment held for review (unknown reference, wrong amount, paid late
// or after a cancel — VA, QRIS and every other provider payment): "credit to this deposit" or
// "refunded outside Saldo". Either is final, needs a note, and is audited with who decided.
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { markDepositPaid } from "./mark-deposit-paid";

/** The outcomes that wait for an admin (list-payment-reviews.ts shows them). */
export const REVIEW_OUTCOMES = ["unknown_reference", "amount_mismatch", "late_payment"] as const;

export type ReviewResolution = "credited" | "refunded_outside";

export type ResolvePaymentReviewInput = { eventId: string; note: string; actor: Actor } & (
  | { action: "credit"; depositId: string }
  | { action: "refunded_outside" }
);

export async function resolvePaymentReview(input: ResolvePaymentReviewInput) {
  const note = input.note.trim();
  if (note.length < 3 || note.length > 500) throw new AppError("VALIDATION", "Catatan wajib diisi (3–500 karakter) / A note of 3–500 characters is required");
  const resolution: ReviewResolution = input.action === "credit" ? "credited" : "refunded_outside";
  return transaction(async (tx) => {
    const event = await tx.providerEvent.findUnique({ where: { id: input.eventId } });
    if (!event || !(REVIEW_OUTCOMES as readonly string[]).includes(event.outcome)) {
      throw new AppError("NOT_FOUND", "Pembayaran untuk ditinjau tidak ditemukan / Payment under review not found");
    }
    const alreadyReviewed = () => new AppError("INVALID_STATE", "Pembayaran ini sudah ditinjau / This payment was already reviewed");
    if (event.reviewedAt) throw alreadyReviewed();

    let depositId: string | null = null;
    let merchantId: string | undefined;
    if (input.action === "credit") {
      const deposit = await tx.deposit.findUnique({ where: { id: input.depositId.trim() } });
      if (!deposit) throw new AppError("NOT_FOUND", "Deposit tidak ditemukan / Deposit not found");
      if (deposit.status === "paid") throw new AppError("INVALID_STATE", "Deposit sudah dibayar / Deposit is already paid");
      if (event.amount <= deposit.fee) throw new AppError("VALIDATION", "Nominal pembayaran tidak menutup biaya / The payment does not cover the fee");
      // The merchant is credited what arrived, less the deposit's fee; the journal's key makes it once.
      const paid = await markDepositPaid(tx, deposit, {
        paidAmount: event.amount,
        paidAt: event.paidAt ?? new Date(),
        creditAmount: event.amount - deposit.fee,
        actor: input.actor,
        adminDecision: true,
      });
      if (!paid) throw new AppError("INVALID_STATE", "Deposit tidak bisa dibayar / Deposit cannot be paid");
      depositId = paid.id;
      merchantId = paid.merchantId;
    }

    // Guarded: of two admins deciding at once, one wins and the other is told (its credit rolls back).
    const { count } = await tx.providerEvent.updateMany({
      where: { id: event.id, reviewedAt: null },
      data: {
        reviewedAt: new Date(),
        reviewedBy: input.actor.id ?? input.actor.type.toLowerCase(),
        reviewNote: note,
        resolution,
        ...(depositId ? { depositId } : {}),
      },
    });
    if (count === 0) throw alreadyReviewed();
    await recordAudit(tx, {
      actor: input.actor,
      action: `payment_review.${resolution}`,
      targetType: "provider_event",
      targetId: event.id,
      merchantId,
      metadata: { provider: event.provider, eventId: event.eventId, outcome: event.outcome, amount: event.amount, matchedDepositId: event.depositId, depositId, note },
    });
    return { eventId: event.id, resolution, depositId };
  });
}
