// Money entering or leaving a merchant's wallet from/to a system account in one step
// (a paid deposit, a manual adjustment). Two-phase movements use holds instead.
import type { Tx } from "../db";
import { merchantAccounts, systemAccount, type SystemAccountName } from "./accounts";
import { positiveRupiah } from "./amount";
import { postJournal, type JournalType } from "./post-journal";

export type MoveInput = {
  merchantId: string;
  amount: bigint | number;
  idempotencyKey: string;
  /** The system account on the other side; deposits come from provider clearing. */
  counterparty?: SystemAccountName;
  type?: JournalType;
  reference?: string;
  description?: string;
  actor?: string;
};

export async function credit(tx: Tx, input: MoveInput) {
  return move(tx, input, 1n);
}

/** Takes money out of the available balance; fails with INSUFFICIENT_FUNDS rather than going below zero. */
export async function debit(tx: Tx, input: MoveInput) {
  return move(tx, input, -1n);
}

async function move(tx: Tx, input: MoveInput, sign: 1n | -1n) {
  const amount = positiveRupiah(input.amount) * sign;
  const { wallet } = await merchantAccounts(tx, input.merchantId);
  const other = await systemAccount(tx, input.counterparty ?? (sign > 0n ? "providerClearing" : "adjustments"));
  return postJournal(tx, {
    idempotencyKey: input.idempotencyKey,
    type: input.type ?? (sign > 0n ? "DEPOSIT" : "ADJUSTMENT"),
    reference: input.reference,
    description: input.description,
    actor: input.actor,
    lines: [
      { accountId: wallet.id, amount },
      { accountId: other.id, amount: -amount },
    ],
  });
}
