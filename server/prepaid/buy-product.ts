// Buying from the portal: the same order placement as the API's top-up, with a ref_id made
// from the form's one-time token (`WEB-…`), so a double-clicked or retried submit finds the
// first order instead of buying twice.
import type { Actor } from "../audit";
import { AppError } from "../errors";
import { placePrepaidOrder } from "./place-order";
import { RESPONSE_CODES, type ResponseCodeName } from "./response-codes";

export const PORTAL_REF_PREFIX = "WEB-";

export type BuyResult =
  | { ok: true; trId: number; refId: string; status: number; rc: string; price: bigint; balance: bigint; replayed: boolean }
  | { ok: false; code: ResponseCodeName; rc: string; message: string };

export async function buyPrepaidProduct(input: { merchantId: string; productCode: string; customerId: string; clientRef: string; actor: Actor }): Promise<BuyResult> {
  if (!/^[A-Za-z0-9_-]{8,48}$/.test(input.clientRef)) throw new AppError("VALIDATION", "Token formulir tidak valid / Invalid form token");
  const result = await placePrepaidOrder({
    merchantId: input.merchantId,
    refId: `${PORTAL_REF_PREFIX}${input.clientRef}`,
    productCode: input.productCode,
    customerId: input.customerId,
    actor: input.actor,
    audit: true,
  });
  if (result.kind === "rejected") return { ok: false, code: result.code, ...RESPONSE_CODES[result.code] };
  const { order } = result;
  return { ok: true, trId: order.trId, refId: order.refId, status: order.status, rc: order.rc, price: order.price, balance: result.balance, replayed: result.kind === "existing" };
}
