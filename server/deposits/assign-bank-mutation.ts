// An admin assigns an unmatched bank credit to a bank-transfer ticket by hand.
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { markDepositPaid } from "./mark-deposit-paid";

/**
 * An admin pairs an unmatched credit with a ticket by hand (the payer sent a wrong amount,
 * or paid after expiry). The merchant is credited what arrived, less the ticket's fee.
 */
export async function assignBankMutation(input: { mutationId: string; depositId: string; note: string; actor: Actor }) {
  const note = input.note.trim();
  if (note.length < 3) throw new AppError("VALIDATION", "Catatan wajib diisi / A note is required");
  return transaction(async (tx) => {
    const mutation = await tx.bankMutation.findUnique({ where: { id: input.mutationId } });
    if (!mutation) throw new AppError("NOT_FOUND", "Mutasi tidak ditemukan / Mutation not found");
    if (mutation.status !== "unmatched") throw new AppError("INVALID_STATE", `Mutasi sudah ${mutation.status} / Mutation is already ${mutation.status}`);
    const deposit = await tx.deposit.findUnique({ where: { id: input.depositId } });
    if (!deposit || deposit.method !== "BANK_TRANSFER") throw new AppError("NOT_FOUND", "Tiket transfer bank tidak ditemukan / Bank transfer ticket not found");
    if (deposit.status === "paid") throw new AppError("INVALID_STATE", "Tiket sudah dibayar / Ticket is already paid");
    if (mutation.amount <= deposit.fee) throw new AppError("VALIDATION", "Nominal mutasi tidak menutup biaya / Mutation does not cover the fee");

    // An expired ticket is reopened for this one payment: the admin has decided it is paid.
    await tx.deposit.updateMany({ where: { id: deposit.id, status: "expired" }, data: { status: "pending", expiredAt: new Date(mutation.occurredAt.getTime() + 1000) } });
    const reopened = await tx.deposit.findUniqueOrThrow({ where: { id: deposit.id } });
    const paid = await markDepositPaid(tx, reopened, {
      paidAmount: mutation.amount,
      paidAt: mutation.occurredAt,
      creditAmount: mutation.amount - deposit.fee,
      actor: input.actor,
    });
    if (!paid) throw new AppError("INVALID_STATE", "Tiket tidak bisa dibayar / Ticket cannot be paid");
    const { count } = await tx.bankMutation.updateMany({
      where: { id: mutation.id, status: "unmatched" },
      data: { status: "assigned", depositId: deposit.id, assignedBy: input.actor.id, note },
    });
    if (count === 0) throw new AppError("INVALID_STATE", "Mutasi sudah diproses / Mutation was already processed");
    await recordAudit(tx, {
      actor: input.actor,
      action: "bank_mutation.assign",
      targetType: "bank_mutation",
      targetId: mutation.id,
      merchantId: deposit.merchantId,
      metadata: { depositId: deposit.id, amount: mutation.amount, note },
    });
    return paid;
  });
}
