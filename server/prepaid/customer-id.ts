// Who a product is for: the `customer_id` rules per product type, and the mobile operator of
// an Indonesian number from its prefix. Pure functions, shared by the API and the buy form.
import type { ProductType } from "./catalogue";

/** Prefixes (after normalising to 08…) per operator, as the issue lists them. */
const PREFIXES: Record<string, readonly string[]> = {
  telkomsel: ["0811", "0812", "0813", "0821", "0822", "0823", "0851", "0852", "0853"],
  indosat: ["0814", "0815", "0816", "0855", "0856", "0857", "0858"],
  xl: ["0817", "0818", "0819", "0859", "0877", "0878"],
  axis: ["0831", "0832", "0833", "0838"],
  tri: ["0895", "0896", "0897", "0898", "0899"],
  smartfren: ["0881", "0882", "0883", "0884", "0885", "0886", "0887", "0888", "0889"],
};

const OPERATOR_BY_PREFIX = new Map(Object.entries(PREFIXES).flatMap(([operator, prefixes]) => prefixes.map((p) => [p, operator] as const)));

/** `+62812…`, `62812…`, `0812…` (spaces and dashes allowed) → `0812…`; null when it is not a 10–13 digit mobile number. */
export function normaliseMsisdn(raw: string): string | null {
  let digits = raw.trim().replace(/[\s-]/g, "");
  if (digits.startsWith("+")) digits = digits.slice(1);
  if (!/^\d+$/.test(digits)) return null;
  if (digits.startsWith("62")) digits = `0${digits.slice(2)}`;
  return /^08\d{8,11}$/.test(digits) ? digits : null;
}

/** The operator code (telkomsel, indosat, xl, axis, tri, smartfren) of a normalised number, or null. */
export function detectOperator(msisdn: string): string | null {
  return OPERATOR_BY_PREFIX.get(msisdn.slice(0, 4)) ?? null;
}

export type CustomerIdCheck =
  | { ok: true; customerId: string }
  | { ok: false; reason: "BAD_CUSTOMER" | "OPERATOR_MISMATCH" };

const PLN_METER = /^\d{11,12}$/;
const ETOLL_CARD = /^\d{16}$/;
/** A game id: user id, optionally with a zone/server (`12345678|1234`, `12345678(1234)`). */
const GAME_ID = /^[A-Za-z0-9][A-Za-z0-9._|()\-]{3,39}$/;

/**
 * Checks `raw` for a product of `type` sold by `operator`:
 * pulsa/data an Indonesian mobile number of that operator; pln a meter number of 11 or 12 digits
 * (IAK documents 11; 12-digit meters exist and are accepted); games a phone number or a game id;
 * etoll a 16-digit card number. Returns the form stored and echoed (phone numbers as 08…).
 */
export function checkCustomerId(type: ProductType | string, operator: string, raw: string): CustomerIdCheck {
  const value = raw.trim();
  switch (type) {
    case "pulsa":
    case "data": {
      const msisdn = normaliseMsisdn(value);
      if (!msisdn) return { ok: false, reason: "BAD_CUSTOMER" };
      const detected = detectOperator(msisdn);
      if (!detected) return { ok: false, reason: "BAD_CUSTOMER" };
      if (detected !== operator) return { ok: false, reason: "OPERATOR_MISMATCH" };
      return { ok: true, customerId: msisdn };
    }
    case "pln":
      return PLN_METER.test(value) ? { ok: true, customerId: value } : { ok: false, reason: "BAD_CUSTOMER" };
    case "etoll":
      return ETOLL_CARD.test(value) ? { ok: true, customerId: value } : { ok: false, reason: "BAD_CUSTOMER" };
    case "games": {
      const msisdn = normaliseMsisdn(value);
      if (msisdn) return { ok: true, customerId: msisdn };
      return GAME_ID.test(value) ? { ok: true, customerId: value } : { ok: false, reason: "BAD_CUSTOMER" };
    }
    default:
      return { ok: false, reason: "BAD_CUSTOMER" };
  }
}

/** PLN meter numbers: 11 or 12 digits. */
export function isPlnMeter(value: string): boolean {
  return PLN_METER.test(value.trim());
}
