// Incoming credits on Saldo's deposit bank account. A credit equal to an open ticket's total
// pays that ticket; anything else is kept as unmatched for an admin to assign by hand.
import { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import { db, transaction } from "../db";
import { AppError } from "../errors";
import { markDepositPaid } from "./mark-deposit-paid";

export const bankMutationsBody = z.object({
  mutations: z
    .array(
      z.object({
        id: z.string().min(1).max(200),
        amount: z.union([z.number().int().positive().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,13}$/)]),
        description: z.string().max(500).default(""),
        occurred_at: z.string().datetime({ offset: true }),
      }),
    )
    .min(1)
    .max(500),
});

export type MutationResult = { id: string; status: "matched" | "unmatched" | "duplicate"; deposit_id: string | null };

export async function recordBankMutations(body: z.infer<typeof bankMutationsBody>): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  for (const m of body.mutations) {
    results.push(
      await transaction(async (tx) => {
        const seen = await tx.bankMutation.findUnique({ where: { externalId: m.id } });
        if (seen) return { id: m.id, status: "duplicate" as const, deposit_id: seen.depositId };
        const amount = BigInt(m.amount);
        const occurredAt = new Date(m.occurred_at);
        const mutation = await tx.bankMutation.create({
          data: { externalId: m.id, amount, description: m.description, occurredAt, status: "unmatched" },
        });
        const ticket = await tx.deposit.findUnique({ where: { openKey: `TICKET:${amount}` } });
        const paid = ticket ? await markDepositPaid(tx, ticket, { paidAmount: amount, paidAt: occurredAt, actor: { type: "PROVIDER", id: "bank" } }) : null;
        if (!paid) return { id: m.id, status: "unmatched" as const, deposit_id: null };
        await tx.bankMutation.update({ where: { id: mutation.id }, data: { status: "matched", depositId: paid.id } });
        return { id: m.id, status: "matched" as const, deposit_id: paid.id };
      }),
    );
  }
  return results;
}

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

export async function listBankMutations({ page, pageSize, status }: { page: number; pageSize: number; status?: string }) {
  const where = status ? { status } : {};
  const [total, items] = await Promise.all([
    db.bankMutation.count({ where }),
    db.bankMutation.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return { total, page, pageSize, totalPages: Math.max(1, Math.ceil(total / pageSize)), items };
}

export async function listPaymentReviews({ page, pageSize }: { page: number; pageSize: number }) {
  const where = { outcome: { in: ["unknown_reference", "amount_mismatch", "late_payment"] }, reviewedAt: null };
  const [total, items] = await Promise.all([
    db.providerEvent.count({ where }),
    db.providerEvent.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return { total, page, pageSize, totalPages: Math.max(1, Math.ceil(total / pageSize)), items };
}
