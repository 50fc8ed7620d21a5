// A payout provider's notification (signature already checked at the HTTP edge), applied to the
// withdrawal its reference names:
//   in flight (`sending` / `unknown`): completed → success (hold posted); failed / rejected →
//     rejected (hold voided, funds back, the reason kept); queued / approved / processed → in
//     flight (`unknown` becomes `sending` again);
//   already settled: a repeat, or a stale status arriving late (`processed` after `completed`),
//     changes nothing;
//   settled one way and reported the other — `failed` after `completed` (Midtrans: a bank can
//     refund a completed transfer later), or `completed` after Saldo returned the funds — is
//     never reversed automatically: it is recorded once for an admin (`withdraw.payout_review`
//     in the audit log, listed on the withdrawal desk).
import { recordAudit, type Actor } from "../audit";
import { db, transaction, type Tx, type Withdrawal } from "../db";
import type { PayoutNotification } from "../providers/types";
import { IN_FLIGHT_STATUSES } from "./record-payout-outcome";
import { recordPayoutResult } from "./record-payout-progress";

export const PAYOUT_REVIEW_ACTION = "withdraw.payout_review";

export type PayoutNotificationOutcome = "settled" | "in_flight" | "duplicate" | "review" | "unknown_reference" | "ignored";
export type PayoutNotificationResult = { outcome: PayoutNotificationOutcome; withdrawalId?: string; status?: string };

type ReviewKind = "failed_after_success" | "completed_after_rejection";

/** Records a contradiction for an admin, once per withdrawal and kind (the row lock serialises repeats). */
async function recordReview(tx: Tx, withdrawal: Withdrawal, kind: ReviewKind, actor: Actor, details: Record<string, unknown>): Promise<boolean> {
  await tx.withdrawal.updateMany({ where: { id: withdrawal.id, status: withdrawal.status }, data: { updatedAt: new Date() } });
  const seen = await tx.auditLog.count({ where: { action: PAYOUT_REVIEW_ACTION, targetId: withdrawal.id, metadata: { contains: `"kind":"${kind}"` } } });
  if (seen > 0) return false;
  await recordAudit(tx, {
    actor,
    action: PAYOUT_REVIEW_ACTION,
    targetType: "withdrawal",
    targetId: withdrawal.id,
    merchantId: withdrawal.merchantId,
    metadata: { kind, status: withdrawal.status, payoutRef: withdrawal.payoutRef, amount: withdrawal.amount, ...details },
  });
  console.warn(`[payout-notification] withdrawal ${withdrawal.id} (${withdrawal.status}) reported ${kind}; recorded for an admin`);
  return true;
}

export async function recordPayoutNotification(providerName: string, notification: PayoutNotification): Promise<PayoutNotificationResult> {
  if (notification.kind === "ignored") return { outcome: "ignored" };
  const found = await db.withdrawal.findFirst({ where: { payoutRef: notification.reference, payoutProvider: providerName }, select: { id: true } });
  if (!found) return { outcome: "unknown_reference" };
  const actor: Actor = { type: "PROVIDER", id: providerName };
  const details = { providerStatus: notification.providerStatus, amount: notification.amount, ...(notification.result.status === "refused" ? { reason: notification.result.reason } : {}) };

  return transaction(async (tx) => {
    let current = await tx.withdrawal.findUniqueOrThrow({ where: { id: found.id } });
    if ((IN_FLIGHT_STATUSES as readonly string[]).includes(current.status)) {
      const applied = await recordPayoutResult(tx, current, notification.result, { approver: actor, provider: actor });
      if (applied.changed) return { outcome: applied.withdrawal.status === "sending" ? "in_flight" : "settled", withdrawalId: current.id, status: applied.withdrawal.status };
      current = applied.withdrawal;
      if ((IN_FLIGHT_STATUSES as readonly string[]).includes(current.status)) return { outcome: "duplicate", withdrawalId: current.id, status: current.status };
    }
    const said = notification.result.status;
    const contradiction: ReviewKind | null =
      current.status === "success" && said === "refused" ? "failed_after_success" : current.status === "rejected" && said === "paid" ? "completed_after_rejection" : null;
    if (!contradiction) return { outcome: "duplicate", withdrawalId: current.id, status: current.status };
    const recorded = await recordReview(tx, current, contradiction, actor, details);
    return { outcome: recorded ? "review" : "duplicate", withdrawalId: current.id, status: current.status };
  });
}
