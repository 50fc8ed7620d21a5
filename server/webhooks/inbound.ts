// Upstream callbacks (provider → Saldo). The signature is checked in constant time before the
// body is even parsed; a bad one is answered 401 and leaves nothing but a log line.
import { env } from "../env";
import { recordBankMutations, bankMutationsBody } from "../deposits/record-bank-mutations";
import { recordProviderPayment } from "../deposits/record-provider-payment";
import { AppError } from "../errors";
import { errorResponse, json } from "../http/rest";
import { providerByName } from "../providers";
import { verifyHmacSha512Hex } from "./signatures";

function refuseSignature(source: string, req: Request) {
  console.warn(`[webhook] ${source}: bad signature from ${req.headers.get("x-forwarded-for") ?? "unknown"}; ignored`);
  return json(401, { success: false, error: "Signature tidak valid / Invalid signature", code: "UNAUTHORIZED" });
}

export async function handleProviderWebhook(providerName: string, req: Request): Promise<Response> {
  try {
    const provider = providerByName(providerName);
    const raw = await req.text();
    if (!provider.verifyWebhook(raw, req.headers)) return refuseSignature(providerName, req);
    const payment = provider.parseWebhook(raw);
    const result = await recordProviderPayment(providerName, payment, raw);
    if (result.outcome === "unknown_reference") {
      console.warn(`[webhook] ${providerName}: unknown reference ${payment.reference} (event ${payment.eventId})`);
      throw new AppError("NOT_FOUND", "Referensi tidak dikenal / Unknown reference");
    }
    return json(200, { success: true, outcome: result.outcome, duplicate: result.duplicate, deposit_id: result.depositId });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function handleBankMutationWebhook(req: Request): Promise<Response> {
  try {
    const raw = await req.text();
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
