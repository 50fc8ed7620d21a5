// Sandbox only: sales money arriving in the merchant's settlement account, for sweeps to move.
import { actorLabel, type Actor } from "../audit";
import { transaction } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { postJournal, settlementAccount, systemAccount } from "../ledger";
import { alertOnLowBalances } from "./low-balance";

/** Sandbox "sales settlement": incoming sales money lands in the merchant's settlement account. */
export async function simulateSettlement(merchantId: string, amount: bigint, actor: Actor, idempotencyKey = `settlement:${merchantId}:${Date.now()}:${Math.random()}`) {
  if (!env.SANDBOX) throw new AppError("NOT_FOUND", "Sandbox is off");
  return transaction(async (tx) => {
    const settlement = await settlementAccount(tx, merchantId);
    const clearing = await systemAccount(tx, "providerClearing");
    const posted = await postJournal(tx, {
      idempotencyKey,
      type: "SETTLEMENT",
      reference: "sandbox-settlement",
      description: "Settlement penjualan / Sales settlement",
      actor: actorLabel(actor),
      lines: [
        { accountId: settlement.id, amount },
        { accountId: clearing.id, amount: -amount },
      ],
    });
    await alertOnLowBalances(tx, posted.changedWallets);
    return posted;
  });
}
