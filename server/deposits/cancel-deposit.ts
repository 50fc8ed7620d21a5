// Seed 003's cancel: a pending invoice becomes expired; a paid one cannot be cancelled.
import type { Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { expireDepositInTx } from "./expire-deposit";
import { getDepositForMerchant } from "./find-deposits";

export async function cancelDeposit(merchantId: string, depositId: string, actor: Actor) {
  const deposit = await getDepositForMerchant(merchantId, depositId);
  const cancelled = deposit.status === "pending" ? await transaction((tx) => expireDepositInTx(tx, deposit, "cancelled", actor)) : null;
  if (!cancelled) {
    const current = await getDepositForMerchant(merchantId, depositId);
    throw new AppError("VALIDATION", `Invoice tidak bisa dibatalkan, status saat ini: ${current.status}`, { status: current.status });
  }
  return cancelled;
}
