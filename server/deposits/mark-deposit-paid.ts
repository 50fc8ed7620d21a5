// pending → paid, the ledger credit and the merchant's callback: one transaction, or none.
// Also expired → paid, for a payment made before `expiredAt` that was reported after the deposit
// expired by the clock (the payer did pay in time), or when an admin credits a reviewed payment.
import { actorLabel, recordAudit, type Actor } from "../audit";
import type { Deposit, Tx } from "../db";
import { merchantAccountsFor } from "../ledger/accounts";
import { postJournal, systemShardId } from "../ledger";
import { notifyDepositStatus } from "../live/notify-deposit-status";
import { alertOnLowBalances } from "../treasury/low-balance";
import { methodName } from "./methods";
import { enqueueDepositEvent } from "./deposit-events";
import { recordLinkPayment } from "../payment-links/record-link-payment";

export type MarkPaidInput = {
  paidAmount: bigint;
  paidAt: Date;
  actor: Actor;
  creditAmount?: bigint;
  /** An admin decided (payment review): any deposit not yet paid, whatever its expiry. */
  adminDecision?: boolean;
};

/**
 * Marks a deposit paid and credits the merchant, exactly once (the guarded update, then the
 * journal's idempotency key). Payable: a pending deposit paid before `expiredAt`, or one that
 * expired by the clock (not cancelled, not failed) paid before `expiredAt`. Returns null, changing
 * nothing, otherwise (already paid, cancelled, failed, or paid after expiry). Clearing `openKey`
 * never collides: a closed deposit's is already null.
 */
export async function markDepositPaid(tx: Tx, deposit: Deposit, input: MarkPaidInput): Promise<Deposit | null> {
  // updatedAt is set here (not by Prisma) so the row after the update is known without reading it back.
  const data = { status: "paid", paidAt: input.paidAt, paidAmount: input.paidAmount, openKey: null, nextStatusCheckAt: null, updatedAt: new Date() };
  const payable = input.adminDecision
    ? [{ id: deposit.id, status: { in: ["pending", "expired"] } }]
    : [
        { id: deposit.id, status: "pending", expiredAt: { gt: input.paidAt } },
        { id: deposit.id, status: "expired", expiredReason: "expired", cancelledAt: null, expiredAt: { gt: input.paidAt } },
      ];
  let count = 0;
  let afterExpiry = false;
  for (const [i, where] of payable.entries()) {
    ({ count } = await tx.deposit.updateMany({ where, data }));
    if (count > 0) {
      afterExpiry = i > 0;
      break;
    }
  }
  if (count === 0) return null;
  // Open pay pages hear of it once this transaction commits (LISTEN/NOTIFY on PostgreSQL).
  await notifyDepositStatus(tx, deposit.id);
  if (afterExpiry) {
    await recordAudit(tx, {
      actor: input.actor,
      action: "deposit.paid_after_expiry",
      targetType: "deposit",
      targetId: deposit.id,
      merchantId: deposit.merchantId,
      metadata: { paidAt: input.paidAt.toISOString(), expiredAt: deposit.expiredAt.toISOString() },
    });
  }

  // Payer sent `paidAmount`; the merchant gets its credit, the rest is the fee.
  const credit = input.creditAmount ?? deposit.creditAmount;
  const fee = input.paidAmount - credit;
  const { wallet } = await merchantAccountsFor(tx, deposit.merchantId);
  // Clearing and fee revenue are sharded by deposit (server/ledger/accounts.ts): concurrent credits do not queue on one row.
  const lines = [
    { accountId: wallet.id, amount: credit },
    { accountId: systemShardId("providerClearing", deposit.id), amount: -input.paidAmount },
  ];
  if (fee !== 0n) lines.push({ accountId: systemShardId("feeRevenue", deposit.id), amount: fee });
  const { changedWallets } = await postJournal(tx, {
    idempotencyKey: `deposit:${deposit.id}:paid`,
    type: "DEPOSIT",
    reference: deposit.id,
    description: methodName(deposit.method),
    actor: actorLabel(input.actor),
    lines,
  });
  await alertOnLowBalances(tx, changedWallets);
  // The row as the guarded update left it: on the common path (a pending deposit) the one it
  // matched with `data` written over it; the rare late or admin-decided payment reads it back.
  const paid: Deposit = afterExpiry || input.adminDecision ? await tx.deposit.findUniqueOrThrow({ where: { id: deposit.id } }) : { ...deposit, ...data };
  await enqueueDepositEvent(tx, paid, "paid");
  // A payment link's payment: the link's state and its own callback, in this same transaction.
  if (paid.paymentLinkId) await recordLinkPayment(tx, paid);
  return paid;
}
