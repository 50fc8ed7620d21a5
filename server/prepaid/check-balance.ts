// POST /api/prepaid/check-balance: sign = md5(username + api_key + "bl"). The available balance.
import { db } from "../db";
import { balanceOf } from "../ledger";
import { authenticatePrepaid, type PrepaidRequestContext } from "./authenticate";
import { RESPONSE_CODES } from "./response-codes";
import type { CheckBalanceRequest } from "./schemas";
import type { PrepaidReply } from "./wire";

export async function checkBalance(request: CheckBalanceRequest, context: PrepaidRequestContext = {}): Promise<PrepaidReply> {
  const auth = await authenticatePrepaid({ username: request.username, sign: request.sign, signed: "bl", ip: context.ip });
  if (!auth.ok) return { data: { message: auth.rc.message, rc: auth.rc.rc } };
  const { available } = await balanceOf(db, auth.caller.merchantId);
  return { data: { balance: Number(available), message: RESPONSE_CODES.SUCCESS.message, rc: RESPONSE_CODES.SUCCESS.rc } };
}
