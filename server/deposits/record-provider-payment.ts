// An upstream provider says a payment arrived. Recorded once per provider event id; credited
// only when it pays a payable deposit in full. Anything else waits for an admin.
import type { Tx } from "../db";
import { transaction } from "../db";
import type { ProviderPayment } from "../providers/types";
import { markDepositPaid } from "./mark-deposit-paid";

export type PaymentOutcome = "credited" | "unknown_reference" | "amount_mismatch" | "late_payment";

export async function findDepositByReference(tx: Tx, reference: string) {
  return tx.deposit.findFirst({
    where: { OR: [{ id: reference }, { vaNumber: reference }, { providerRef: reference }] },
    // A VA number can be reissued after its deposit closes: the open one (openKey set) wins, then
    // the newest. NULLs last is said explicitly: PostgreSQL sorts them first in a DESC order.
    orderBy: [{ openKey: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
  });
}

export async function recordProviderPayment(provider: string, payment: ProviderPayment, rawBody: string) {
  return transaction(async (tx) => {
    const seen = await tx.providerEvent.findUnique({ where: { provider_eventId: { provider, eventId: payment.eventId } }, select: { outcome: true, depositId: true } });
    if (seen) return { outcome: seen.outcome as PaymentOutcome, depositId: seen.depositId, duplicate: true };

    const deposit = await findDepositByReference(tx, payment.reference);
    let outcome: PaymentOutcome;
    if (!deposit) outcome = "unknown_reference";
    else if (payment.amount !== deposit.total) outcome = "amount_mismatch";
    else {
      const paid = await markDepositPaid(tx, deposit, { paidAmount: payment.amount, paidAt: payment.paidAt, actor: { type: "PROVIDER", id: provider } });
      outcome = paid ? "credited" : "late_payment";
    }
    // The event is written once, with its outcome, in the transaction that acted on it. Its unique
    // (provider, eventId) is what makes the event count once: a concurrent copy that got this far
    // fails here on the index (waiting, on PostgreSQL, for this transaction to commit), rolls back
    // everything it did, and is retried by `transaction`, which then finds this row above.
    await tx.providerEvent.create({
      data: { provider, eventId: payment.eventId, reference: payment.reference, amount: payment.amount, paidAt: payment.paidAt, payload: rawBody, outcome, depositId: deposit?.id },
      select: { id: true },
    });
    return { outcome, depositId: deposit?.id ?? null, duplicate: false };
  });
}
