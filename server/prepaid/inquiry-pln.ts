// POST /api/prepaid/inquiry-pln: sign = md5(username + api_key + customer_id). A PLN meter
// number (11 or 12 digits) → the holder's name and tariff/power, before buying a token.
// Unknown or malformed meter → rc 14.
import { prepaidSupplier } from "../providers";
import type { PlnCustomer } from "../providers/types";
import { authenticatePrepaid, type PrepaidRequestContext } from "./authenticate";
import { isPlnMeter } from "./customer-id";
import { RESPONSE_CODES } from "./response-codes";
import type { InquiryPlnRequest } from "./schemas";
import type { PrepaidReply } from "./wire";

/** The lookup itself, for the portal (already signed in) and the API. */
export async function lookupPlnCustomer(meterNo: string): Promise<PlnCustomer | null> {
  const meter = meterNo.trim();
  if (!isPlnMeter(meter)) return null;
  return prepaidSupplier().inquiryPln(meter);
}

export async function inquiryPln(request: InquiryPlnRequest, context: PrepaidRequestContext = {}): Promise<PrepaidReply> {
  const auth = await authenticatePrepaid({ username: request.username, sign: request.sign, signed: request.customer_id, ip: context.ip });
  if (!auth.ok) return { data: { customer_id: request.customer_id, message: auth.rc.message, rc: auth.rc.rc } };
  const customer = await lookupPlnCustomer(request.customer_id);
  if (!customer) {
    return { data: { status: 2, customer_id: request.customer_id, message: RESPONSE_CODES.BAD_CUSTOMER.message, rc: RESPONSE_CODES.BAD_CUSTOMER.rc } };
  }
  return {
    data: {
      status: 1,
      customer_id: request.customer_id,
      meter_no: customer.meterNo,
      subscriber_id: customer.subscriberId,
      name: customer.name,
      segment_power: `${customer.tariff} /${String(customer.power).padStart(9, "0")}`,
      tariff: customer.tariff,
      power: customer.power,
      message: RESPONSE_CODES.SUCCESS.message,
      rc: RESPONSE_CODES.SUCCESS.rc,
    },
  };
}
