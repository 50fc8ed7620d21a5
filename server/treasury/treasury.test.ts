import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createMerchant, fund } from "../../tests/helpers/fixtures";
import { db, engine, transaction } from "../db";
import { balanceOf, credit, reserve, settlementCode, verifyInvariants, voidHold } from "../ledger";
import { handleProviderWebhook } from "../http/provider-webhooks";
import { runAutoTopUps } from "./auto-top-up";
import { alertOnLowBalances } from "./low-balance";
import { changeMandate } from "./change-mandate";
import { confirmMandate } from "./confirm-mandate";
import { createMandate } from "./create-mandate";
import { createSweepRule } from "./create-sweep-rule";
import { runSweepRule } from "./run-sweep-rule";
import { setLowBalanceThreshold } from "./set-low-balance-threshold";
import { simulateSettlement } from "./simulate-settlement";
import { statementCsv, walletStatement } from "./statements";
import { requestWithdrawal } from "../withdrawals/request-withdrawal";
import { rejectWithdrawal } from "../withdrawals/reject-withdrawal";
import { wibDay } from "../../lib/format";

const actor = { type: "SYSTEM" as const };
const viaWebhookRoute = (request: Request) => handleProviderWebhook("sandbox", request);
// A hold, as a withdrawal or purchase takes one, with the balance alert such a use case runs.
const spend = (merchantId: string, amount: number) =>
  transaction(async (tx) => {
    const reserved = await reserve(tx, { merchantId, amount, idempotencyKey: `spend-${randomUUID()}` });
    await alertOnLowBalances(tx, reserved.changedWallets);
    return reserved;
  });
const lowAlerts = (merchantId: string) => db.outboxEvent.count({ where: { merchantId, type: "balance.low" } });

async function activeMandate(merchantId: string, overrides: Partial<{ accountNumber: string; targetBalance: bigint; monthlyCap: bigint }> = {}) {
  const { id, sandboxOtp } = await createMandate(
    merchantId,
    { bankCode: "bca", accountNumber: "1234567890", accountName: "PT Uji", targetBalance: 200_000n, monthlyCap: 1_000_000n, ...overrides },
    actor,
  );
  await expect(confirmMandate(merchantId, id, "000000" === sandboxOtp ? "111111" : "000000", actor)).rejects.toThrow(/OTP/);
  await confirmMandate(merchantId, id, sandboxOtp!, actor);
  return id;
}

describe(`treasury on ${engine}`, () => {
  it("raises exactly one balance.low per dip across consecutive debits, and again after recovering", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 100_000);
    await setLowBalanceThreshold(merchantId, 50_000n, actor);
    await spend(merchantId, 45_000); // 55.000: above
    expect(await lowAlerts(merchantId)).toBe(0);
    await spend(merchantId, 10_000); // 45.000: dips
    await spend(merchantId, 10_000); // 35.000
    await spend(merchantId, 10_000); // 25.000
    expect(await lowAlerts(merchantId)).toBe(1);
    expect(await db.notification.count({ where: { merchantId, type: "balance.low" } })).toBe(1);
    await fund(merchantId, 40_000); // 65.000: recovered, re-armed
    expect(await lowAlerts(merchantId)).toBe(1);
    await spend(merchantId, 20_000); // 45.000: second dip
    expect(await lowAlerts(merchantId)).toBe(2);
    const event = await db.outboxEvent.findFirstOrThrow({ where: { merchantId, type: "balance.low" }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(event.data)).toMatchObject({ balance: 45_000, threshold: 50_000 });
  });

  it("the use case that moved the money raises the alert: a withdrawal dips, its rejection re-arms", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 100_000);
    await setLowBalanceThreshold(merchantId, 50_000n, actor);
    const { withdrawal } = await requestWithdrawal({ merchantId, amount: 60_000, accountNumber: "081234567890", accountName: "John Doe", actor });
    expect(await lowAlerts(merchantId)).toBe(1);
    await rejectWithdrawal({ withdrawalId: withdrawal.id, note: "Rekening salah", actor });
    expect(await db.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { lowBalanceAlerted: true } })).toEqual({ lowBalanceAlerted: false });
  });

  it("auto top-up: a dip leads to one direct debit for target − available, credited once through the webhook route", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 100_000);
    await setLowBalanceThreshold(merchantId, 50_000n, actor);
    const mandateId = await activeMandate(merchantId);
    await spend(merchantId, 60_000); // a withdrawal's hold: 40.000 available
    const results = await Promise.all([runAutoTopUps(viaWebhookRoute), runAutoTopUps(viaWebhookRoute), runAutoTopUps(viaWebhookRoute)]);
    expect(results.flat().filter((r) => r.mandateId === mandateId && r.outcome === "debited")).toHaveLength(1);
    const debits = await db.deposit.findMany({ where: { merchantId, method: "DIRECT_DEBIT" } });
    expect(debits).toHaveLength(1);
    expect(debits[0]).toMatchObject({ amount: 160_000n, status: "paid", mandateId });
    expect((await balanceOf(db, merchantId)).available).toBe(200_000n);
    expect(await db.ledgerJournal.count({ where: { reference: debits[0]!.id } })).toBe(1);
    // Back above the threshold: the next tick does nothing.
    await runAutoTopUps(viaWebhookRoute);
    expect(await db.deposit.count({ where: { merchantId, method: "DIRECT_DEBIT" } })).toBe(1);
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });

  it("respects the monthly cap", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 100_000);
    await setLowBalanceThreshold(merchantId, 50_000n, actor);
    const mandateId = await activeMandate(merchantId, { monthlyCap: 100_000n });
    await spend(merchantId, 60_000); // 40.000: wants 160.000, cap allows 100.000
    await runAutoTopUps(viaWebhookRoute);
    expect((await balanceOf(db, merchantId)).available).toBe(140_000n);
    await spend(merchantId, 100_000); // 40.000 again: cap used up
    const again = (await runAutoTopUps(viaWebhookRoute)).filter((r) => r.mandateId === mandateId);
    expect(again).toEqual([{ mandateId, outcome: "cap_reached" }]);
    expect(await db.deposit.count({ where: { merchantId, method: "DIRECT_DEBIT" } })).toBe(1);
  });

  it("a refused debit marks the mandate failing and tells the merchant, without retrying", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 60_000);
    await setLowBalanceThreshold(merchantId, 50_000n, actor);
    const mandateId = await activeMandate(merchantId, { accountNumber: "9876540000" });
    await spend(merchantId, 20_000);
    const mine = async () => (await runAutoTopUps(viaWebhookRoute)).filter((r) => r.mandateId === mandateId);
    expect(await mine()).toEqual([{ mandateId, outcome: "refused" }]);
    expect(await db.directDebitMandate.findUniqueOrThrow({ where: { id: mandateId } })).toMatchObject({ status: "failing" });
    expect(await db.notification.count({ where: { merchantId, type: "mandate.failing" } })).toBe(1);
    expect(await db.outboxEvent.count({ where: { merchantId, type: "topup.failed" } })).toBe(1);
    expect(await mine()).toEqual([]);
    expect((await balanceOf(db, merchantId)).available).toBe(40_000n);
    // The merchant fixes it and resumes; pausing stops it again.
    await changeMandate(merchantId, mandateId, "pause", actor);
    await expect(changeMandate(merchantId, mandateId, "pause", actor)).rejects.toThrow(/cannot change/);
  });

  it("a sweep run twice for a period posts once; percentages round down; the two accounts' sum is unchanged", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 10_000);
    await simulateSettlement(merchantId, 99_999n, actor);
    const rule = await createSweepRule(merchantId, { kind: "percent_of_yesterday", percentBps: 5_055, runAtMinute: 0 }, actor);
    const sum = async () => {
      const settlement = await db.ledgerAccount.findUniqueOrThrow({ where: { code: settlementCode(merchantId) } });
      return (await balanceOf(db, merchantId)).available + settlement.balance;
    };
    const before = await sum();
    // Today's settlement is "yesterday" for tomorrow's run.
    const tomorrow = wibDay(new Date(Date.now() + 24 * 3600_000));
    const [a, b] = await Promise.all([runSweepRule(rule.id, tomorrow), runSweepRule(rule.id, tomorrow)]);
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ status: "posted", amount: 50_549n }); // 99.999 × 50,55 % = 50.549,49… → 50.549
    expect(await runSweepRule(rule.id, tomorrow)).toMatchObject({ id: a.id });
    expect(await db.ledgerJournal.count({ where: { reference: `sweep:${rule.id}` } })).toBe(1);
    expect((await balanceOf(db, merchantId)).available).toBe(60_549n);
    expect(await sum()).toBe(before);

    const keep = await createSweepRule(merchantId, { kind: "keep_minimum", minimumBalance: 200_000n, runAtMinute: 0 }, actor);
    expect(await runSweepRule(keep.id, tomorrow)).toMatchObject({ status: "posted", amount: 49_450n }); // all that is left in settlement
    expect(await runSweepRule(keep.id, wibDay(new Date(Date.now() + 48 * 3600_000)))).toMatchObject({ status: "skipped" });
    expect(await sum()).toBe(before);
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });

  it("exports the period's ledger as CSV with debit, credit and running balance", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 70_000);
    const { hold } = await spend(merchantId, 20_000);
    await transaction((tx) => voidHold(tx, { holdId: hold.id }));
    await transaction((tx) => credit(tx, { merchantId, amount: 5_000, idempotencyKey: randomUUID(), reference: "ref,with \"quotes\"" }));
    const today = wibDay();
    const statement = await walletStatement(merchantId, { from: today, to: today });
    expect(statement.opening).toBe(0n);
    expect(statement.closing).toBe(75_000n);
    const csv = statementCsv(statement).trim().split("\r\n");
    expect(csv[0]).toBe("date,type,reference,description,debit,credit,balance");
    expect(csv).toHaveLength(5);
    expect(csv[2]).toMatch(/,HOLD_RESERVE,.*,20000,0,50000$/);
    expect(csv[4]).toContain('"ref,with ""quotes"""');
    const empty = await walletStatement(merchantId, { from: "2020-01-01", to: "2020-01-31" });
    expect(empty).toMatchObject({ opening: 0n, closing: 0n, rows: [] });
  });
});
