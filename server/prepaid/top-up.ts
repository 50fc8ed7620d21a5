// POST /api/prepaid/top-up (seed 002): sign = md5(username + api_key + ref_id).
// The first answer is always status 0 / PROCESS / rc 39 with the price reserved and `balance`
// the available balance after it; the result follows by callback (prepaid.success / .failed).
// The same ref_id again buys nothing and answers that order's current status — also when the
// two requests race; the same ref_id with another product_code or customer_id answers rc 201
// and changes nothing. A refused request binds its ref_id too (place-order.ts): repeating it
// answers the same refusal, and another product or number is rc 201.
import { authenticatePrepaid, type PrepaidRequestContext } from "./authenticate";
import { orderData } from "./order-view";
import { placePrepaidOrder } from "./place-order";
import { ORDER_STATUS, RESPONSE_CODES } from "./response-codes";
import type { TopUpRequest } from "./schemas";
import type { PrepaidReply } from "./wire";

export async function topUp(request: TopUpRequest, context: PrepaidRequestContext = {}): Promise<PrepaidReply> {
  const auth = await authenticatePrepaid({ username: request.username, sign: request.sign, signed: request.ref_id, ip: context.ip });
  if (!auth.ok) return { data: { ref_id: request.ref_id, message: auth.rc.message, rc: auth.rc.rc } };

  const result = await placePrepaidOrder({
    merchantId: auth.caller.merchantId,
    refId: request.ref_id,
    productCode: request.product_code,
    customerId: request.customer_id,
    actor: { type: "API_KEY", id: `prepaid:${auth.caller.username}` },
  });
  if (result.kind !== "rejected") return { data: orderData(result.order, result.balance) };

  const { rc, message } = RESPONSE_CODES[result.code];
  const echo = { ref_id: request.ref_id, product_code: request.product_code, customer_id: request.customer_id };
  if (result.code === "CANNOT_AUTHENTICATE") return { data: { ref_id: request.ref_id, message, rc } };
  // The ref_id belongs to another order: no status here, it is not this request's to report.
  if (result.code === "DUPLICATE_REF") return { data: { ...echo, message, balance: Number(result.balance ?? 0n), rc } };
  // Refused before anything was bought: status 2 (FAILED); the ref_id stays bound to this product and customer.
  return {
    data: {
      ref_id: request.ref_id,
      status: ORDER_STATUS.FAILED,
      product_code: request.product_code,
      customer_id: request.customer_id,
      price: Number(result.price ?? 0n),
      message,
      balance: Number(result.balance ?? 0n),
      rc,
    },
  };
}
