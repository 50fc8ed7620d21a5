// IAK's callback (POST /api/webhooks/iak), the HTTP edge beside provider-webhooks.ts. IAK posts
// `{ data: { ref_id, status, …, sign } }` with sign = md5(username + api_key + ref_id)
// (docs/providers.md § 3). Order of checks: the IP allow-list (IAK_CALLBACK_IPS, when set), the
// sign in constant time (401 and nothing changes when wrong), then the order is settled only on
// what IAK's check-status answers — the sign does not cover the status, so the body is never
// believed on its own. Unknown ref_id → 404; duplicates and stale callbacks change nothing.
import { iakEnv } from "../env";
import { AppError } from "../errors";
import { settleFromSupplierCallback } from "../prepaid/settle-from-supplier-callback";
import { prepaidSupplier } from "../providers";
import { clientIp } from "./client-ip";
import { readBodyLimited } from "./read-body";
import { errorResponse, json } from "./rest";

export async function handleIakCallback(req: Request): Promise<Response> {
  try {
    const supplier = prepaidSupplier();
    // Only while IAK is the configured supplier: otherwise nobody at IAK holds Saldo's orders.
    if (supplier.name !== "iak") throw new AppError("NOT_FOUND", "Not found");
    const ip = clientIp(req.headers);
    if (iakEnv.IAK_CALLBACK_IPS.length > 0 && (!ip || !iakEnv.IAK_CALLBACK_IPS.includes(ip))) {
      console.warn(`[webhook] iak: callback from ${ip ?? "an unknown address"}, not in IAK_CALLBACK_IPS; ignored`);
      throw new AppError("FORBIDDEN", "Alamat IP tidak diizinkan / IP address not allowed");
    }
    const raw = await readBodyLimited(req);
    const verdict = supplier.verifyCallback(raw);
    if (!verdict.ok) {
      if (verdict.reason === "signature") {
        console.warn(`[webhook] iak: bad sign from ${ip ?? "unknown"}; ignored`);
        return json(401, { success: false, error: "Signature tidak valid / Invalid signature", code: "UNAUTHORIZED" });
      }
      if (verdict.reason === "unsupported") throw new AppError("NOT_FOUND", "Not found");
      throw new AppError("VALIDATION", "Callback tanpa data.ref_id / Callback without data.ref_id");
    }
    const result = await settleFromSupplierCallback(verdict);
    if (result.outcome === "unknown_order") {
      console.warn(`[webhook] iak: unknown ref_id ${verdict.supplierRef}`);
      throw new AppError("NOT_FOUND", "ref_id tidak dikenal / Unknown ref_id");
    }
    return json(200, { success: true, outcome: result.outcome, tr_id: result.trId, status: result.status });
  } catch (error) {
    return errorResponse(error);
  }
}
