// The steps of a payout between the admin's approval and its settlement, each a guarded update:
//   processing ──markPayoutSending──▶ sending ──(provider: paid | refused)──▶ success | rejected
//                                        │ ▲
//          (timeout, 5xx, crash) unknown ▼ │ (the provider says it has it in flight)
//                                     unknown ──(provider or admin: paid | not paid)──▶ success | rejected
// `sending` is set (with payoutSentAt) just before the provider is called, so a crash during the
// call leaves a record that says so; `unknown` keeps the money held until the provider (the
// reconciliation job) or, failing that, an admin answers. recordPayoutResult applies whatever a
// provider said, from approval, a notification or the job alike.
import { recordAudit } from "../audit";
import { transaction, type Tx, type Withdrawal } from "../db";
import { payoutEnv } from "../env";
import type { PayoutRequest, PayoutResult } from "../providers/types";
import { notPendingError } from "./errors";
import { IN_FLIGHT_STATUSES, settlePayout, type PayoutActors } from "./record-payout-outcome";

/** What a provider is asked to pay for this withdrawal (the same every time: it is idempotent). */
export function payoutRequestOf(withdrawal: Withdrawal): PayoutRequest {
  return {
    withdrawalId: withdrawal.id,
    method: withdrawal.method,
    accountNumber: withdrawal.accountNumber,
    accountName: withdrawal.accountName,
    amount: withdrawal.amount,
  };
}

/** When the reconciliation job first asks about a payout sent at `sentAt`. */
export const firstCheckAt = (sentAt: Date) => new Date(sentAt.getTime() + payoutEnv.PAYOUT_CHECK_AFTER_SECONDS * 1000);

/** `processing → sending`, just before the provider is called; records which provider and when. */
export async function markPayoutSending(withdrawalId: string, providerName: string): Promise<Withdrawal> {
  return transaction(async (tx) => {
    const sentAt = new Date();
    const { count } = await tx.withdrawal.updateMany({
      where: { id: withdrawalId, status: "processing" },
      data: { status: "sending", payoutProvider: providerName, payoutSentAt: sentAt, payoutCheckAt: firstCheckAt(sentAt) },
    });
    if (count === 0) throw await notPendingError(tx, withdrawalId);
    return tx.withdrawal.findUniqueOrThrow({ where: { id: withdrawalId } });
  });
}

/** Stores the provider's reference as soon as it is known (so its notifications find the withdrawal). */
export async function recordPayoutReference(withdrawalId: string, reference: string): Promise<void> {
  await transaction((tx) =>
    tx.withdrawal.updateMany({ where: { id: withdrawalId, status: { in: [...IN_FLIGHT_STATUSES] }, payoutRef: null }, data: { payoutRef: reference } }),
  );
}

/**
 * Applies what a provider said about a payout in flight. `changed: false` when it said nothing
 * new or the payout is no longer in flight (settled first by someone else): then nothing moves.
 */
export async function recordPayoutResult(tx: Tx, withdrawal: Withdrawal, result: PayoutResult, actors: PayoutActors): Promise<{ withdrawal: Withdrawal; changed: boolean }> {
  const current = async () => tx.withdrawal.findUniqueOrThrow({ where: { id: withdrawal.id } });
  if (result.status === "paid" || result.status === "refused") {
    const settled = await settlePayout(tx, withdrawal, result, actors);
    return settled ? { withdrawal: settled, changed: true } : { withdrawal: await current(), changed: false };
  }
  const reference = result.reference ? { payoutRef: result.reference } : {};
  if (result.status === "sent") {
    // The provider has it: in flight again if it was unknown; its reference kept.
    const { count } = await tx.withdrawal.updateMany({ where: { id: withdrawal.id, status: { in: [...IN_FLIGHT_STATUSES] } }, data: { status: "sending", ...reference } });
    // One handed to an admin had no more checks planned: in flight again, it is asked about again.
    if (count > 0) await tx.withdrawal.updateMany({ where: { id: withdrawal.id, status: "sending", payoutCheckAt: null }, data: { payoutCheckAt: firstCheckAt(new Date()) } });
    const after = await current();
    if (count === 0) return { withdrawal: after, changed: false };
    const changed = withdrawal.status !== "sending" || after.payoutRef !== withdrawal.payoutRef;
    if (changed) {
      await recordAudit(tx, {
        actor: actors.provider,
        action: "withdraw.payout_sent",
        targetType: "withdrawal",
        targetId: after.id,
        merchantId: after.merchantId,
        metadata: { payoutRef: after.payoutRef, was: withdrawal.status },
      });
    }
    return { withdrawal: after, changed };
  }
  // Unknown: the money stays held; the reconciliation job asks the provider later.
  const { count } = await tx.withdrawal.updateMany({ where: { id: withdrawal.id, status: "sending" }, data: { status: "unknown", ...reference } });
  if (count === 0) {
    if (result.reference) await tx.withdrawal.updateMany({ where: { id: withdrawal.id, status: "unknown", payoutRef: null }, data: { payoutRef: result.reference } });
    return { withdrawal: await current(), changed: false };
  }
  const after = await current();
  await recordAudit(tx, {
    actor: actors.provider,
    action: "withdraw.payout_unknown",
    targetType: "withdrawal",
    targetId: after.id,
    merchantId: after.merchantId,
    metadata: { problem: result.problem, payoutRef: after.payoutRef },
  });
  return { withdrawal: after, changed: true };
}
