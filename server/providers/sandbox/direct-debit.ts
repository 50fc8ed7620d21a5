// The sandbox's B2B direct debit: pulls from the merchant's registered account and, like a
// real bank, reports the result as a signed payment callback to Saldo's upstream webhook route.
// Source accounts ending in 0000 are refused, so the failure path can be exercised.
import { sendSandboxPayment } from ".";
import type { DirectDebitProvider, DirectDebitRequest, DirectDebitResult, WebhookTransport } from "../types";

export async function sandboxDirectDebit(input: DirectDebitRequest, transport?: WebhookTransport): Promise<DirectDebitResult> {
  if (input.accountNumber.endsWith("0000")) return { ok: false, reason: "Rekening sumber menolak debit / Source account refused the debit" };
  const result = await sendSandboxPayment({ reference: input.depositId, amount: input.amount, eventId: `sbx_dd_${input.depositId}` }, transport);
  if (result.status >= 300) return { ok: false, reason: `Callback answered ${result.status}` };
  return { ok: true };
}

/** The sandbox direct debit, its callbacks sent over `transport` (real HTTP unless a test passes its own). */
export function sandboxDirectDebitProvider(transport?: WebhookTransport): DirectDebitProvider {
  return {
    name: "sandbox",
    debitReference: (mandateId) => `sbx_dd_${mandateId}`,
    debit: (request) => sandboxDirectDebit(request, transport),
  };
}
