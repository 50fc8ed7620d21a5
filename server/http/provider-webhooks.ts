// Upstream callbacks (provider → Saldo), the HTTP edge of app/api/webhooks/*. The signature is
// checked in constant time before the body is even parsed; a bad one is answered 401 and leaves
// nothing but a log line.
import { verifyHmacSha512Hex } from "../crypto/hmac";
import { env } from "../env";
import { recordBankMutations, bankMutationsBody } from "../deposits/record-bank-mutations";
import { recordProviderNotification } from "../deposits/record-provider-notification";
import { AppError } from "../errors";
import { payoutProviderByName, providerByName } from "../providers";
import { recordPayoutNotification } from "../withdrawals/record-payout-notification";
import { clientIp } from "./client-ip";
import { readBodyLimited } from "./read-body";
import { errorResponse, json } from "./rest";

function refuseSignature(source: string, req: Request) {
  console.warn(`[webhook] ${source}: bad signature from ${clientIp(req.headers) ?? "unknown"}; ignored`);
  return json(401, { success: false, error: "Signature tidak valid / Invalid signature", code: "UNAUTHORIZED" });
}

export async function handleProviderWebhook(providerName: string, req: Request): Promise<Response> {
  try {
    const provider = providerByName(providerName);
    const raw = await readBodyLimited(req);
    if (!provider.verifyWebhook(raw, req.headers)) return refuseSignature(providerName, req);
    const result = await recordProviderNotification(providerName, raw);
    if (result.outcome === "unconfirmed") {
      // Not acted on and not stored: a non-2xx makes the provider send it again, and the worker asks too.
      console.warn(`[webhook] ${providerName}: could not confirm ${result.reference} with the provider (${result.reason}); asked to retry`);
      return json(503, { success: false, error: "Status belum bisa dikonfirmasi; kirim ulang nanti / Could not confirm the status yet; retry later", code: "RETRY_LATER" });
    }
    if (result.outcome === "unknown_reference") {
      console.warn(`[webhook] ${providerName}: unknown reference ${result.reference}`);
      throw new AppError("NOT_FOUND", "Referensi tidak dikenal / Unknown reference");
    }
    return json(200, { success: true, outcome: result.outcome, duplicate: result.duplicate, deposit_id: result.depositId });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function handleBankMutationWebhook(req: Request): Promise<Response> {
  try {
    const raw = await readBodyLimited(req);
    if (!verifyHmacSha512Hex(env.BANK_MUTATION_SECRET, raw, req.headers.get("x-signature"))) return refuseSignature("bank-mutation", req);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new AppError("VALIDATION", "Body bukan JSON yang valid / Body is not valid JSON");
    }
    const results = await recordBankMutations(bankMutationsBody.parse(body));
    return json(200, { success: true, results });
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * A payout provider's notification (Midtrans Payouts: POST /api/webhooks/midtrans-payouts). The
 * signature is checked over the raw body first (401, nothing changed, when wrong). An unknown
 * reference is 404 (the provider may send it again; the reconciliation job asks anyway).
 */
export async function handlePayoutNotification(providerName: string, req: Request): Promise<Response> {
  try {
    const provider = payoutProviderByName(providerName);
    if (!provider.verifyNotification || !provider.parseNotification) throw new AppError("NOT_FOUND", "Tidak ditemukan / Not found");
    const raw = await readBodyLimited(req);
    if (!provider.verifyNotification(raw, req.headers)) return refuseSignature(`${providerName} payouts`, req);
    const notification = provider.parseNotification(raw);
    const result = await recordPayoutNotification(provider.name, notification);
    if (result.outcome === "unknown_reference") {
      console.warn(`[webhook] ${providerName} payouts: unknown reference ${notification.kind === "payout" ? notification.reference : "?"}`);
      throw new AppError("NOT_FOUND", "Referensi tidak dikenal / Unknown reference");
    }
    return json(200, { success: true, outcome: result.outcome, withdraw_id: result.withdrawalId ?? null });
  } catch (error) {
    return errorResponse(error);
  }
}
