// The sandbox's disbursements: every payout succeeds, except to account numbers ending in
// `0000`, which the "bank" does not know — so a failed payout can be tried by hand and in tests.
import type { PayoutProvider, PayoutRequest, PayoutResult } from "../payouts";

export const SANDBOX_FAILING_ACCOUNT_SUFFIX = "0000";
export const SANDBOX_PAYOUT_FAILURE = "Rekening tujuan tidak ditemukan / Destination account not found";

export const sandboxPayoutProvider: PayoutProvider = {
  name: "sandbox",
  async sendPayout(request: PayoutRequest): Promise<PayoutResult> {
    if (request.accountNumber.endsWith(SANDBOX_FAILING_ACCOUNT_SUFFIX)) return { ok: false, reason: SANDBOX_PAYOUT_FAILURE };
    return { ok: true, reference: `sbx_po_${request.withdrawalId}` };
  },
};
