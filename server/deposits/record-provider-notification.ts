// A provider's notification whose signature the HTTP edge has verified: read it, confirm it with
// the provider (Midtrans: GET /v2/{order_id}/status, whose answer is authoritative, so a stale or
// out-of-order notification changes nothing), then act through the same path as the worker.
import { providerByName } from "../providers";
import { applyChargeState, type AppliedChargeState } from "./apply-charge-state";

export type NotificationResult = AppliedChargeState | { outcome: "unconfirmed"; depositId: null; duplicate: false; reference: string; reason: string };

export async function recordProviderNotification(providerName: string, rawBody: string): Promise<NotificationResult> {
  const provider = providerByName(providerName);
  const reported = provider.parseWebhook(rawBody);
  const state = await provider.confirm(reported);
  // Could not ask (timeout, 5xx): nothing is stored; the provider retries, and the worker asks too.
  if (state.kind === "unknown") return { outcome: "unconfirmed", depositId: null, duplicate: false, reference: reported.reference, reason: state.reason };
  if (state.reference !== reported.reference) {
    return { outcome: "unconfirmed", depositId: null, duplicate: false, reference: reported.reference, reason: `confirmation is about ${state.reference}` };
  }
  return applyChargeState(providerName, state, rawBody);
}
