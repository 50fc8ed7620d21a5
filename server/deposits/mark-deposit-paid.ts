// pending → paid, the ledger credit and the merchant's callback: one transaction, or none.
import { actorLabel, type Actor } from "../audit";
import type { Tx } from "../db";
import type { Deposit } from "../generated/sqlite/client";
import { merchantAccountsFor } from "../ledger/accounts";
import { postJournal, systemAccount } from "../ledger";
import { methodName } from "./methods";
import { enqueueDepositEvent } from "./deposit-events";

/**
 * Marks a pending deposit paid and credits the merchant. Returns null, changing nothing, when
 * the deposit is no longer payable (already paid, expired, cancelled, or paid after expiry).
 */
export async function markDepositPaid(tx: Tx, deposit: Deposit, input: { paidAmount: bigint; paidAt: Date; actor: Actor; creditAmount?: bigint }) {
  const { count } = await tx.deposit.updateMany({
    where: { id: deposit.id, status: "pending", expiredAt: { gt: input.paidAt } },
    data: { status: "paid", paidAt: input.paidAt, paidAmount: input.paidAmount, openKey: null },
  });
  if (count === 0) return null;

  // Payer sent `paidAmount`; the merchant gets its credit, the rest is the fee.
  const credit = input.creditAmount ?? deposit.creditAmount;
  const fee = input.paidAmount - credit;
  const { wallet } = await merchantAccountsFor(tx, deposit.merchantId);
  const clearing = await systemAccount(tx, "providerClearing");
  const lines = [
    { accountId: wallet.id, amount: credit },
    { accountId: clearing.id, amount: -input.paidAmount },
  ];
  if (fee !== 0n) lines.push({ accountId: (await systemAccount(tx, "feeRevenue")).id, amount: fee });
  await postJournal(tx, {
    idempotencyKey: `deposit:${deposit.id}:paid`,
    type: "DEPOSIT",
    reference: deposit.id,
    description: methodName(deposit.method),
    actor: actorLabel(input.actor),
    lines,
  });
  const paid = await tx.deposit.findUniqueOrThrow({ where: { id: deposit.id } });
  await enqueueDepositEvent(tx, paid, "paid");
  return paid;
}
