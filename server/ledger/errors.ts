import { AppError } from "../errors";

export const insufficientFunds = (available: bigint, needed: bigint) =>
  new AppError("INSUFFICIENT_FUNDS", "Saldo tidak cukup / Insufficient balance", {
    available: available.toString(),
    needed: needed.toString(),
  });

export const unbalanced = (sum: bigint) =>
  new AppError("LEDGER_UNBALANCED", `Journal does not balance (entries sum to ${sum})`);
