// The withdrawal methods the configured payout provider can pay out to. Midtrans Payouts, for
// one, documents no code for DANA or ShopeePay: those are not offered (and a request for them is
// refused) until IRIS_BANK_CODES names one.
import { AppError } from "../errors";
import { payoutProvider } from "../providers";
import type { PayoutProvider } from "../providers/types";
import { WITHDRAW_METHODS, type WithdrawMethod } from "./methods";

export function availableWithdrawMethods(payouts: PayoutProvider = payoutProvider()): WithdrawMethod[] {
  return WITHDRAW_METHODS.filter((m) => payouts.supportsMethod?.(m.code) ?? true);
}

/** Throws VALIDATION when the payout provider cannot pay out to this method. */
export function checkMethodAvailable(method: WithdrawMethod, payouts: PayoutProvider = payoutProvider()): void {
  if (payouts.supportsMethod?.(method.code) === false) {
    throw new AppError(
      "VALIDATION",
      `Metode ${method.name} belum tersedia untuk penarikan saat ini / ${method.name} is not available for withdrawals at the moment`,
    );
  }
}
