// Sweep rules (seed 001 "Overbooking dari Saldo Transaksi Masuk"): move settlement money into the
// deposit on a schedule. Each run is one balanced transfer, at most once per rule and WIB day —
// the SweepRun row and the journal's idempotency key are both unique per (rule, period).
import { transaction, type Tx } from "../db";
import { postJournal, settlementAccount, walletCode } from "../ledger";
import { alertOnLowBalances } from "./low-balance";
import { wibDay, wibDayStart } from "../../lib/format";

/** Settlement credits during a WIB day. */
async function settledDuring(tx: Tx, settlementAccountId: string, day: string): Promise<bigint> {
  const start = wibDayStart(day);
  const end = new Date(start.getTime() + 24 * 3600_000);
  const sum = await tx.ledgerEntry.aggregate({
    where: { accountId: settlementAccountId, amount: { gt: 0 }, createdAt: { gte: start, lt: end } },
    _sum: { amount: true },
  });
  return sum._sum.amount ?? 0n;
}

function yesterday(day: string): string {
  return wibDay(new Date(wibDayStart(day).getTime() - 12 * 3600_000));
}

/** Runs one rule for one period (a WIB day). Safe to call repeatedly: posts at most once. */
export async function runSweepRule(ruleId: string, period: string) {
  return transaction(async (tx) => {
    const existing = await tx.sweepRun.findUnique({ where: { ruleId_period: { ruleId, period } } });
    if (existing) return existing;
    const rule = await tx.sweepRule.findUniqueOrThrow({ where: { id: ruleId } });
    const settlement = await settlementAccount(tx, rule.merchantId);
    const wallet = await tx.ledgerAccount.findUniqueOrThrow({ where: { code: walletCode(rule.merchantId) } });

    let amount: bigint;
    if (rule.kind === "percent_of_yesterday") {
      // Whole rupiah, rounded down: never move more than the rule says.
      amount = ((await settledDuring(tx, settlement.id, yesterday(period))) * BigInt(rule.percentBps ?? 0)) / 10_000n;
    } else {
      const shortfall = (rule.minimumBalance ?? 0n) - wallet.balance;
      amount = shortfall > 0n ? shortfall : 0n;
    }
    if (amount > settlement.balance) amount = settlement.balance;
    if (amount <= 0n) {
      return tx.sweepRun.create({ data: { ruleId, period, amount: 0n, status: "skipped", reason: "Nothing to move" } });
    }
    const { journal, changedWallets } = await postJournal(tx, {
      idempotencyKey: `sweep:${ruleId}:${period}`,
      type: "TRANSFER",
      reference: `sweep:${ruleId}`,
      description: "Sweep settlement → deposit",
      actor: "worker",
      lines: [
        { accountId: settlement.id, amount: -amount },
        { accountId: wallet.id, amount },
      ],
    });
    await alertOnLowBalances(tx, changedWallets);
    return tx.sweepRun.create({ data: { ruleId, period, amount, status: "posted", journalId: journal.id } });
  });
}
