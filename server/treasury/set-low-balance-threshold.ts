// The merchant sets the balance below which it is alerted (and auto top-up pulls funds).
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { MAX_AMOUNT } from "../ledger";
import { checkLowBalance } from "./low-balance";

/** Sets (or clears, with null) the low-balance threshold, and checks the balance against it at once. */
export async function setLowBalanceThreshold(merchantId: string, threshold: bigint | null, actor: Actor) {
  if (threshold !== null && (threshold <= 0n || threshold > MAX_AMOUNT)) throw new AppError("VALIDATION", "Ambang batas tidak valid / Invalid threshold");
  return transaction(async (tx) => {
    await tx.merchant.update({ where: { id: merchantId }, data: { lowBalanceThreshold: threshold, lowBalanceAlerted: false } });
    const outcome = await checkLowBalance(tx, merchantId);
    await recordAudit(tx, { actor, action: "treasury.threshold", targetType: "merchant", targetId: merchantId, merchantId, metadata: { threshold } });
    return { alerted: outcome === "alerted" };
  });
}
