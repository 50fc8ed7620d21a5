// A manual adjustment: money in or out of a merchant's available balance against the ledger's
// `adjustments` account, with a required reason, audited in the same transaction.
// Admins do not call this directly: an adjustment needs two admins (maker-checker, issue 15), so
// the admin pages go through request-adjustment.ts and approve-adjustment.ts, whose second
// approval posts it with `postAdjustment` inside its own guarded transaction.
// A debit never takes the balance below zero (the ledger refuses with INSUFFICIENT_FUNDS).
// The caller's idempotency key (the form sends one per submission) makes a double click post once.
import { randomUUID } from "node:crypto";
import { actorLabel, recordAudit, type Actor } from "../audit";
import { transaction, type Tx } from "../db";
import { AppError } from "../errors";
import { balanceOf, credit, debit, positiveRupiah } from "../ledger";
import { alertOnLowBalances } from "../treasury/low-balance";

export type AdjustBalanceInput = {
  merchantId: string;
  direction: "credit" | "debit";
  amount: bigint | number | string;
  reason: string;
  actor: Actor;
  idempotencyKey?: string;
};

export function checkAdjustment(input: { amount: bigint | number | string; reason: string }): { amount: bigint; reason: string } {
  const amount = positiveRupiah(input.amount);
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500) {
    throw new AppError("VALIDATION", "Alasan wajib diisi, 3–500 karakter / A reason of 3–500 characters is required");
  }
  return { amount, reason };
}

export async function adjustBalance(input: AdjustBalanceInput) {
  const { amount, reason } = checkAdjustment(input);
  const key = `adjust:${input.merchantId}:${input.idempotencyKey ?? randomUUID()}`;
  return transaction((tx) => postAdjustment(tx, { ...input, amount, reason, key }));
}

/** Posts a checked adjustment inside the caller's transaction; `key` makes a repeat post once. */
export async function postAdjustment(
  tx: Tx,
  input: { merchantId: string; direction: "credit" | "debit"; amount: bigint; reason: string; actor: Actor; key: string },
) {
  const { amount, reason, key } = input;
  const merchant = await tx.merchant.findUnique({ where: { id: input.merchantId }, select: { id: true } });
  if (!merchant) throw new AppError("NOT_FOUND", "Merchant tidak ditemukan / Merchant not found");
  const move = input.direction === "credit" ? credit : debit;
  const { journal, replayed, changedWallets } = await move(tx, {
    merchantId: input.merchantId,
    amount,
    idempotencyKey: key,
    counterparty: "adjustments",
    type: "ADJUSTMENT",
    reference: `ADJ-${input.direction.toUpperCase()}`,
    description: reason,
    actor: actorLabel(input.actor),
  });
  await alertOnLowBalances(tx, changedWallets);
  if (!replayed) {
    await recordAudit(tx, {
      actor: input.actor,
      action: "ledger.adjust",
      targetType: "journal",
      targetId: journal.id,
      merchantId: input.merchantId,
      metadata: { direction: input.direction, amount, reason },
    });
  }
  return { journalId: journal.id, replayed, balance: await balanceOf(tx, input.merchantId) };
}
