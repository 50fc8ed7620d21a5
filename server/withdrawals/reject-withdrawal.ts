// An admin rejects a pending withdrawal with a note the merchant will read: `pending →
// rejected` by a guarded update, the hold voided (funds back), audit and callback in the same
// transaction. A withdrawal already approved (or being paid out) cannot be rejected.
import { actorLabel, recordAudit, type Actor } from "../audit";
import { transaction, type Withdrawal } from "../db";
import { AppError } from "../errors";
import { voidHold } from "../ledger";
import { queueWithdrawalRejectedMail } from "../notifications/withdrawal-decision-mails";
import { alertOnLowBalances } from "../treasury/low-balance";
import { enqueueEvent } from "../webhooks/outbox";
import { completePayoutBatchIfDoneIn } from "./complete-payout-batch";
import { notPendingError } from "./errors";
import { withdrawView } from "./views";

export const REJECT_NOTE_MIN = 3;
export const REJECT_NOTE_MAX = 500;

export async function rejectWithdrawal(input: { withdrawalId: string; note: string; actor: Actor }): Promise<Withdrawal> {
  const note = input.note.trim();
  if (note.length < REJECT_NOTE_MIN || note.length > REJECT_NOTE_MAX) {
    throw new AppError("VALIDATION", "Catatan penolakan wajib diisi, 3–500 karakter / A rejection note of 3–500 characters is required");
  }
  return transaction(async (tx) => {
    const { count } = await tx.withdrawal.updateMany({
      where: { id: input.withdrawalId, status: "pending" },
      data: { status: "rejected", adminNote: note, processedAt: new Date(), processedBy: actorLabel(input.actor) },
    });
    if (count === 0) throw await notPendingError(tx, input.withdrawalId);
    const rejected = await tx.withdrawal.findUniqueOrThrow({ where: { id: input.withdrawalId } });
    const { changedWallets } = await voidHold(tx, { holdId: rejected.holdId, description: `Penarikan ${rejected.id} ditolak`, actor: actorLabel(input.actor) });
    await alertOnLowBalances(tx, changedWallets);
    await recordAudit(tx, {
      actor: input.actor,
      action: "withdraw.reject",
      targetType: "withdrawal",
      targetId: rejected.id,
      merchantId: rejected.merchantId,
      metadata: { note },
    });
    await enqueueEvent(tx, { merchantId: rejected.merchantId, type: "withdraw.rejected", data: withdrawView(rejected) });
    await queueWithdrawalRejectedMail(tx, rejected, note);
    if (rejected.batchId) await completePayoutBatchIfDoneIn(tx, rejected.batchId);
    return rejected;
  });
}
