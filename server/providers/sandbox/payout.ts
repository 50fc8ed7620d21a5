// The sandbox's disbursements: every payout succeeds, except to account numbers ending in
// `0000`, which the "bank" does not know — so a failed payout can be tried by hand and in tests.
// The answer depends only on the request, so asking again (checkPayout) repeats it: the sandbox
// behaves like an idempotent provider that always answers.
import type { PayoutInquiry, PayoutProvider, PayoutRequest, PayoutResult } from "../types";

export const SANDBOX_FAILING_ACCOUNT_SUFFIX = "0000";
export const SANDBOX_PAYOUT_FAILURE = "Rekening tujuan tidak ditemukan / Destination account not found";

function sandboxOutcome(request: PayoutRequest): PayoutResult {
  if (request.accountNumber.endsWith(SANDBOX_FAILING_ACCOUNT_SUFFIX)) return { status: "refused", reason: SANDBOX_PAYOUT_FAILURE };
  return { status: "paid", reference: `sbx_po_${request.withdrawalId}` };
}

export const sandboxPayoutProvider: PayoutProvider = {
  name: "sandbox",
  async sendPayout(request: PayoutRequest): Promise<PayoutResult> {
    return sandboxOutcome(request);
  },
  async checkPayout(inquiry: PayoutInquiry): Promise<PayoutResult> {
    return sandboxOutcome(inquiry);
  },
};
