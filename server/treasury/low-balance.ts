// Low-balance alerts with hysteresis: one alert when the available balance falls below the
// merchant's threshold, none while it stays low, and the latch re-arms once the balance is back
// at or above it. Runs inside the transaction that changed the wallet (and on the worker's
// schedule), so an alert is never lost and never doubled.
import type { Tx } from "../db";
import { balanceOf } from "../ledger";
import { lowBalanceMail } from "../mail/templates/low-balance";
import { notifyMerchant } from "../notifications/notify-merchant";
import { notifyByMail } from "../notifications/send-notification-mail";
import { enqueueEvent } from "../webhooks/outbox";
import { formatRupiah } from "../../lib/format";

export async function checkLowBalance(tx: Tx, merchantId: string): Promise<"alerted" | "rearmed" | null> {
  const merchant = await tx.merchant.findUnique({ where: { id: merchantId }, select: { lowBalanceThreshold: true, lowBalanceAlerted: true } });
  if (!merchant || merchant.lowBalanceThreshold === null) return null;
  const { available } = await balanceOf(tx, merchantId);
  const threshold = merchant.lowBalanceThreshold;

  if (available < threshold && !merchant.lowBalanceAlerted) {
    const { count } = await tx.merchant.updateMany({ where: { id: merchantId, lowBalanceAlerted: false }, data: { lowBalanceAlerted: true } });
    if (count === 0) return null;
    await enqueueEvent(tx, {
      merchantId,
      type: "balance.low",
      data: { balance: Number(available), threshold: Number(threshold), message: "Saldo di bawah ambang batas / Balance below threshold" },
    });
    await notifyMerchant(tx, {
      merchantId,
      type: "balance.low",
      title: "Saldo rendah / Low balance",
      body: `Saldo tersedia ${formatRupiah(available)} di bawah ambang ${formatRupiah(threshold)} / Available balance ${formatRupiah(available)} is below ${formatRupiah(threshold)}`,
    });
    const at = new Date();
    await notifyByMail(tx, merchantId, "low-balance", "low-balance", (locale, r) => lowBalanceMail(locale, { available, threshold, at, name: r.name }));
    return "alerted";
  }
  if (available >= threshold && merchant.lowBalanceAlerted) {
    await tx.merchant.updateMany({ where: { id: merchantId, lowBalanceAlerted: true }, data: { lowBalanceAlerted: false } });
    return "rearmed";
  }
  return null;
}

/** For a use case that moved money: checks each wallet the ledger reports as changed. */
export async function alertOnLowBalances(tx: Tx, changedWallets: readonly string[]): Promise<void> {
  for (const merchantId of changedWallets) await checkLowBalance(tx, merchantId);
}
