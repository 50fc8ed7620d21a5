// What a provider says about a charge, acted on. The one path for verified notifications and for
// the worker's status checks, so whichever reports a payment first credits it, exactly once: each
// provider event is recorded once under its event id, and the deposit's transitions are guarded.
import { transaction } from "../db";
import type { ChargeState } from "../providers/types";
import { expireDepositInTx } from "./expire-deposit";
import { findDepositByReference, recordProviderPayment, type PaymentOutcome } from "./record-provider-payment";

export type ChargeOutcome =
  | PaymentOutcome
  /** The provider closed the charge and the deposit was pending: now expired / failed. */
  | "expired"
  | "failed"
  /** The provider closed a charge whose deposit had already moved on (paid, expired, cancelled): nothing changed. */
  | "no_change"
  /** A closed charge Saldo does not know: nothing to do, no money involved. */
  | "ignored"
  /** Nothing to act on: still pending, a state an admin handles, or the provider could not say. */
  | "pending"
  | "unknown";

export type AppliedChargeState = { outcome: ChargeOutcome; depositId: string | null; duplicate: boolean; reference: string };

async function recordChargeClosed(provider: string, state: Extract<ChargeState, { kind: "expired" | "failed" }>, payload: string): Promise<AppliedChargeState> {
  return transaction(async (tx) => {
    const seen = await tx.providerEvent.findUnique({ where: { provider_eventId: { provider, eventId: state.eventId } }, select: { outcome: true, depositId: true } });
    if (seen) return { outcome: seen.outcome as ChargeOutcome, depositId: seen.depositId, duplicate: true, reference: state.reference };
    const deposit = await findDepositByReference(tx, state.reference);
    let outcome: ChargeOutcome = "ignored";
    // A provider closes only its own charges.
    if (deposit && deposit.provider === provider) {
      const reason = state.kind === "expired" ? "expired" : "failed";
      const closed = await expireDepositInTx(tx, deposit, reason, { type: "PROVIDER", id: provider }, new Date(), { byProvider: true });
      outcome = closed ? state.kind : "no_change";
    }
    // Written once, with its outcome: a concurrent copy fails on (provider, eventId), rolls back and is retried as a duplicate.
    await tx.providerEvent.create({
      data: { provider, eventId: state.eventId, reference: state.reference, amount: state.amount ?? 0n, payload, outcome, depositId: deposit?.id },
      select: { id: true },
    });
    return { outcome, depositId: deposit?.id ?? null, duplicate: false, reference: state.reference };
  });
}

/** Acts on a confirmed state: paid → credit once (or hold for review), expired/failed → close a pending deposit. */
export async function applyChargeState(provider: string, state: ChargeState, rawPayload: string): Promise<AppliedChargeState> {
  const payload = state.payload ?? rawPayload;
  switch (state.kind) {
    case "paid": {
      const result = await recordProviderPayment(provider, state, payload);
      return { ...result, reference: state.reference };
    }
    case "expired":
    case "failed":
      return recordChargeClosed(provider, state, payload);
    case "pending":
      return { outcome: "pending", depositId: null, duplicate: false, reference: state.reference };
    default:
      return { outcome: "unknown", depositId: null, duplicate: false, reference: state.reference };
  }
}
