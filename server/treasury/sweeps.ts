// Sweep rules (seed 001 "Overbooking dari Saldo Transaksi Masuk"): move settlement money into the
// deposit on a schedule. Each run is one balanced transfer, at most once per rule and WIB day —
// the SweepRun row and the journal's idempotency key are both unique per (rule, period).
import { z } from "zod";
import { actorLabel, recordAudit, type Actor } from "../audit";
import { db, transaction, type Tx } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { postJournal, settlementAccount, systemAccount, walletCode } from "../ledger";
import { wibDay, wibDayStart, wibMinuteOfDay } from "../../lib/format";

export const sweepRuleInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("percent_of_yesterday"), percentBps: z.number().int().min(1).max(10_000), runAtMinute: z.number().int().min(0).max(1439).default(540) }),
  z.object({ kind: z.literal("keep_minimum"), minimumBalance: z.bigint().positive().max(1_000_000_000_000n), runAtMinute: z.number().int().min(0).max(1439).default(540) }),
]);

export async function createSweepRule(merchantId: string, raw: z.input<typeof sweepRuleInput>, actor: Actor) {
  const input = sweepRuleInput.parse(raw);
  return transaction(async (tx) => {
    const rule = await tx.sweepRule.create({
      data: {
        merchantId,
        kind: input.kind,
        runAtMinute: input.runAtMinute,
        percentBps: input.kind === "percent_of_yesterday" ? input.percentBps : null,
        minimumBalance: input.kind === "keep_minimum" ? input.minimumBalance : null,
      },
    });
    await settlementAccount(tx, merchantId);
    await recordAudit(tx, { actor, action: "sweep.create", targetType: "sweep_rule", targetId: rule.id, merchantId });
    return rule;
  });
}

export async function setSweepRuleActive(merchantId: string, ruleId: string, active: boolean, actor: Actor) {
  return transaction(async (tx) => {
    const { count } = await tx.sweepRule.updateMany({ where: { id: ruleId, merchantId }, data: { active } });
    if (count === 0) throw new AppError("NOT_FOUND", "Aturan tidak ditemukan / Rule not found");
    await recordAudit(tx, { actor, action: active ? "sweep.enable" : "sweep.disable", targetType: "sweep_rule", targetId: ruleId, merchantId });
  });
}

export async function listSweepRules(merchantId: string) {
  return db.sweepRule.findMany({ where: { merchantId }, orderBy: { createdAt: "desc" }, include: { runs: { orderBy: { createdAt: "desc" }, take: 10 } } });
}

/** Sandbox "sales settlement": incoming sales money lands in the merchant's settlement account. */
export async function simulateSettlement(merchantId: string, amount: bigint, actor: Actor, idempotencyKey = `settlement:${merchantId}:${Date.now()}:${Math.random()}`) {
  if (!env.SANDBOX) throw new AppError("NOT_FOUND", "Sandbox is off");
  return transaction(async (tx) => {
    const settlement = await settlementAccount(tx, merchantId);
    const clearing = await systemAccount(tx, "providerClearing");
    return postJournal(tx, {
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
  });
}

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
    const { journal } = await postJournal(tx, {
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
    return tx.sweepRun.create({ data: { ruleId, period, amount, status: "posted", journalId: journal.id } });
  });
}

/** The worker's job: every active rule whose time of day has come and has not run today. */
export async function runDueSweeps(now = new Date()): Promise<number> {
  const period = wibDay(now);
  const minute = wibMinuteOfDay(now);
  const rules = await db.sweepRule.findMany({ where: { active: true, runAtMinute: { lte: minute }, runs: { none: { period } } } });
  for (const rule of rules) await runSweepRule(rule.id, period);
  return rules.length;
}

