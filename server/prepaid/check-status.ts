// POST /api/prepaid/check-status (seed 002): sign = md5(username + api_key + ref_id). Answers
// the order's current state in top-up's shape (+ sn); rc 06 when this merchant has no such ref_id.
import { db } from "../db";
import { balanceOf } from "../ledger";
import { authenticatePrepaid, type PrepaidRequestContext } from "./authenticate";
import { orderData } from "./order-view";
import { RESPONSE_CODES } from "./response-codes";
import type { CheckStatusRequest } from "./schemas";
import type { PrepaidReply } from "./wire";

export async function checkStatus(request: CheckStatusRequest, context: PrepaidRequestContext = {}): Promise<PrepaidReply> {
  const auth = await authenticatePrepaid({ username: request.username, sign: request.sign, signed: request.ref_id, ip: context.ip });
  if (!auth.ok) return { data: { ref_id: request.ref_id, message: auth.rc.message, rc: auth.rc.rc } };
  const { merchantId } = auth.caller;
  const order = await db.prepaidOrder.findUnique({ where: { merchantId_refId: { merchantId, refId: request.ref_id } } });
  if (!order) return { data: { ref_id: request.ref_id, message: RESPONSE_CODES.NOT_FOUND.message, rc: RESPONSE_CODES.NOT_FOUND.rc } };
  return { data: orderData(order, (await balanceOf(db, merchantId)).available) };
}
