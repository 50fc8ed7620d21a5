// The "withdrawal decided" mails, queued in the transaction that decides the withdrawal.
import type { Tx, Withdrawal } from "../db";
import { withdrawalApprovedMail } from "../mail/templates/withdrawal-approved";
import { withdrawalRejectedMail } from "../mail/templates/withdrawal-rejected";
import { notifyByMail } from "./send-notification-mail";

type Decided = Pick<Withdrawal, "id" | "merchantId" | "amount" | "method" | "accountNumber"> & { batchId?: string | null };

const facts = (w: Decided) => ({ withdrawalId: w.id, amount: w.amount, method: w.method.toUpperCase(), accountNumber: w.accountNumber });

// A row of a batch payout mails nothing on its own: a batch of 10,000 rows would be 10,000 mails.
// Its recipients get one "batch report ready" mail when the whole batch is settled.
export async function queueWithdrawalApprovedMail(tx: Tx, withdrawal: Decided, decidedAt = new Date()): Promise<number> {
  if (withdrawal.batchId) return 0;
  return notifyByMail(tx, withdrawal.merchantId, "withdrawal-decided", "withdrawal-approved", (locale, r) =>
    withdrawalApprovedMail(locale, { ...facts(withdrawal), decidedAt, name: r.name }),
  );
}

export async function queueWithdrawalRejectedMail(tx: Tx, withdrawal: Decided, note: string, decidedAt = new Date()): Promise<number> {
  if (withdrawal.batchId) return 0;
  return notifyByMail(tx, withdrawal.merchantId, "withdrawal-decided", "withdrawal-rejected", (locale, r) =>
    withdrawalRejectedMail(locale, { ...facts(withdrawal), note, decidedAt, name: r.name }),
  );
}
