// Incoming credits on Saldo's deposit bank account. A credit equal to an open ticket's total
// pays that ticket; anything else is kept as unmatched for an admin to assign by hand.
import { z } from "zod";
import { transaction } from "../db";
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
