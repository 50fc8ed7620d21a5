// Sending money out: what every payout provider offers Saldo. The sandbox implements it first;
// a real disbursement API (Xendit, Flip, a bank's H2H) plugs in behind the same call.
import { sandboxPayoutProvider } from "./sandbox/payout";

export type PayoutRequest = {
  /** Saldo's withdrawal id; a real provider receives it as its idempotency key, so a retry never pays twice. */
  withdrawalId: string;
  method: string;
  accountNumber: string;
  accountName: string;
  amount: bigint;
};

/**
 * `ok: false` is a definite refusal (nothing was sent) with a reason to show the merchant.
 * A thrown error means the outcome is unknown.
 */
export type PayoutResult = { ok: true; reference: string } | { ok: false; reason: string };

export interface PayoutProvider {
  readonly name: string;
  sendPayout(request: PayoutRequest): Promise<PayoutResult>;
}

/** The provider that sends withdrawals. Only the sandbox exists so far. */
export function payoutProvider(): PayoutProvider {
  return sandboxPayoutProvider;
}
