// The prepaid API's response codes (IAK-compatible), in one table: the README, the API and the
// portal all read from here. `rc` is always a string, as IAK sends it.

export const RESPONSE_CODES = {
  SUCCESS: { rc: "00", message: "SUCCESS", meaning: "Transaction succeeded (status 1) / request answered" },
  NOT_FOUND: { rc: "06", message: "TRANSACTION NOT FOUND", meaning: "check-status: no order with this ref_id for this username" },
  FAILED: { rc: "07", message: "FAILED", meaning: "Transaction failed (status 2); the price was returned to the balance" },
  BAD_CUSTOMER: { rc: "14", message: "INCORRECT DESTINATION NUMBER", meaning: "customer_id is not valid for the product type (or no such PLN meter)" },
  OPERATOR_MISMATCH: { rc: "16", message: "NUMBER NOT MATCH WITH OPERATOR", meaning: "the phone number belongs to another operator than the product" },
  INSUFFICIENT: { rc: "17", message: "INSUFFICIENT DEPOSIT", meaning: "available balance is below the price; nothing was reserved" },
  UNKNOWN_PRODUCT: { rc: "20", message: "CODE NOT FOUND", meaning: "product_code is not in the catalogue" },
  PROCESS: { rc: "39", message: "PROCESS", meaning: "Order accepted (status 0); the result follows by callback / check-status" },
  INVALID_IP: { rc: "102", message: "INVALID IP ADDRESS", meaning: "the request came from an address not on the merchant's prepaid IP allow-list" },
  OUT_OF_SERVICE: { rc: "106", message: "PRODUCT IS TEMPORARILY OUT OF SERVICE", meaning: "the product is switched off" },
  FORMAT: { rc: "107", message: "XML FORMAT ERROR", meaning: "body is not valid XML/JSON, or a required field is missing or malformed" },
  CANNOT_AUTHENTICATE: { rc: "110", message: "SYSTEM CANNOT AUTHENTICATE", meaning: "unknown username, no prepaid key issued, or merchant suspended" },
  DUPLICATE_REF: { rc: "201", message: "DUPLICATE REF ID WITH DIFFERENT BODY", meaning: "ref_id already used with another product_code or customer_id; nothing changed" },
  WRONG_AUTHENTICATION: { rc: "204", message: "WRONG AUTHENTICATION", meaning: "sign does not match" },
  SYSTEM_BUSY: { rc: "503", message: "SYSTEM BUSY, TRY AGAIN", meaning: "temporary server problem (HTTP 503); repeating the same ref_id is safe" },
} as const;

export type ResponseCodeName = keyof typeof RESPONSE_CODES;

/** The name of an rc (each rc appears once in the table); undefined for an rc Saldo does not answer. */
export function responseCodeName(rc: string): ResponseCodeName | undefined {
  return (Object.keys(RESPONSE_CODES) as ResponseCodeName[]).find((name) => RESPONSE_CODES[name].rc === rc);
}
export type ResponseCode = (typeof RESPONSE_CODES)[ResponseCodeName]["rc"];

/** An order's status (0 PROCESS, 1 SUCCESS, 2 FAILED) as IAK answers it. */
export const ORDER_STATUS = { PROCESS: 0, SUCCESS: 1, FAILED: 2 } as const;
export type OrderStatus = (typeof ORDER_STATUS)[keyof typeof ORDER_STATUS];

export function codeForStatus(status: number): (typeof RESPONSE_CODES)["PROCESS" | "SUCCESS" | "FAILED"] {
  if (status === ORDER_STATUS.SUCCESS) return RESPONSE_CODES.SUCCESS;
  if (status === ORDER_STATUS.FAILED) return RESPONSE_CODES.FAILED;
  return RESPONSE_CODES.PROCESS;
}
