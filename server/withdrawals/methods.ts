// Where a withdrawal can go, what it costs and how a destination account looks. One small
// table, read by the use cases (which enforce it) and the portal form (which previews it).
//
// Account numbers:
// - e-wallets (dana, ovo, gopay, shopeepay) are paid to the wallet's phone number: an Indonesian
//   mobile number (MSISDN) written `08…` or `628…`, 10–13 digits in all. Spaces, dashes and a
//   leading `+` are dropped before checking (`+62 812-3456-7890` → `6281234567890`).
// - banks: digits only, of the bank's account length — BCA 10, BNI 10, BRI 15, Mandiri 13.
// Fees are flat rupiah per withdrawal (DANA 1.000 as seed 003 shows; bank transfers go out over
// BI-FAST at 2.500). Every method takes Rp 10.000 to Rp 50.000.000 per request.
import { formatRupiah } from "../../lib/format";
import { AppError } from "../errors";

export const WITHDRAW_METHOD_CODES = ["dana", "ovo", "gopay", "shopeepay", "bca", "bni", "bri", "mandiri"] as const;
export type WithdrawMethodCode = (typeof WITHDRAW_METHOD_CODES)[number];

export type WithdrawMethod = {
  code: WithdrawMethodCode;
  name: string;
  kind: "ewallet" | "bank";
  fee: bigint;
  min: bigint;
  max: bigint;
  /** Allowed account number lengths, in digits. */
  minDigits: number;
  maxDigits: number;
};

const MIN = 10_000n;
const MAX = 50_000_000n;
const ewallet = (code: WithdrawMethodCode, name: string, fee: bigint): WithdrawMethod => ({ code, name, kind: "ewallet", fee, min: MIN, max: MAX, minDigits: 10, maxDigits: 13 });
const bank = (code: WithdrawMethodCode, name: string, fee: bigint, digits: number): WithdrawMethod => ({ code, name, kind: "bank", fee, min: MIN, max: MAX, minDigits: digits, maxDigits: digits });

export const WITHDRAW_METHODS: readonly WithdrawMethod[] = [
  ewallet("dana", "DANA", 1_000n),
  ewallet("ovo", "OVO", 1_000n),
  ewallet("gopay", "GoPay", 1_000n),
  ewallet("shopeepay", "ShopeePay", 1_500n),
  bank("bca", "BCA", 2_500n, 10),
  bank("bni", "BNI", 2_500n, 10),
  bank("bri", "BRI", 2_500n, 15),
  bank("mandiri", "Mandiri", 2_500n, 13),
];

export const DEFAULT_WITHDRAW_METHOD: WithdrawMethodCode = "dana";

export function isWithdrawMethod(code: string): code is WithdrawMethodCode {
  return (WITHDRAW_METHOD_CODES as readonly string[]).includes(code);
}

export function withdrawMethod(code: string): WithdrawMethod {
  const wanted = code.trim().toLowerCase();
  const method = WITHDRAW_METHODS.find((m) => m.code === wanted);
  if (!method) {
    const codes = WITHDRAW_METHOD_CODES.join(", ");
    throw new AppError("VALIDATION", `method harus salah satu dari ${codes} / method must be one of ${codes}`);
  }
  return method;
}

/** The account number as stored: e-wallet numbers lose spaces, dashes and a leading `+`. */
export function normaliseAccountNumber(method: WithdrawMethod, raw: string): string {
  const trimmed = raw.trim();
  return method.kind === "ewallet" ? trimmed.replace(/[\s-]/g, "").replace(/^\+/, "") : trimmed;
}

/** Checks a destination for the method; returns the normalised account number or throws VALIDATION. */
export function checkAccountNumber(method: WithdrawMethod, raw: string): string {
  const number = normaliseAccountNumber(method, raw);
  const lengthOk = /^\d+$/.test(number) && number.length >= method.minDigits && number.length <= method.maxDigits;
  if (method.kind === "ewallet") {
    if (!lengthOk || !/^(08|628)/.test(number)) {
      throw new AppError(
        "VALIDATION",
        `accountNumber untuk ${method.name} harus nomor HP Indonesia 08… atau 628…, 10–13 digit / accountNumber for ${method.name} must be an Indonesian mobile number 08… or 628…, 10–13 digits`,
      );
    }
    return number;
  }
  if (!lengthOk) {
    throw new AppError(
      "VALIDATION",
      `accountNumber untuk ${method.name} harus ${method.minDigits} digit angka / accountNumber for ${method.name} must be ${method.minDigits} digits`,
    );
  }
  return number;
}

/** The account holder's name: 2–100 characters, no control characters. */
export function checkAccountName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, " ");
  if (name.length < 2 || name.length > 100 || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new AppError("VALIDATION", "accountName wajib diisi, 2–100 karakter / accountName is required, 2–100 characters");
  }
  return name;
}

/** Amount within the method's limits; returns the fee and the total the merchant pays. */
export function quoteWithdrawal(method: WithdrawMethod, amount: bigint) {
  if (amount < method.min || amount > method.max) {
    const range = `${formatRupiah(method.min)} – ${formatRupiah(method.max)}`;
    throw new AppError("VALIDATION", `amount harus antara ${range} / amount must be between ${range}`);
  }
  return { fee: method.fee, totalDeduct: amount + method.fee };
}
