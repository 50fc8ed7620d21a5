// The chart data functions against a ledger built here with the real use cases, then dated:
// entries are moved to chosen instants so WIB day boundaries, quiet days and reversals are exact.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createMerchant } from "../../tests/helpers/fixtures";
import { db, transaction } from "../db";
import { ACCOUNT_TYPES, credit, holdCode, postHold, postJournal, reserve, voidHold, walletCode } from "../ledger";
import { createDeposit } from "../deposits/create-deposit";
import { markDepositPaid } from "../deposits/mark-deposit-paid";
import { enqueueEvent } from "../webhooks/outbox";
import { requestWithdrawal } from "../withdrawals/request-withdrawal";
import { getAdminOverview } from "./get-admin-overview";
import { getMerchantCharts } from "./get-merchant-charts";
import { getMerchantSummary } from "./get-merchant-summary";

const actor = { type: "SYSTEM" as const };

/** Dates every entry and journal with this reference (and the journal itself) at `at`. */
async function dateJournals(journalIds: string[], at: Date) {
  await db.ledgerEntry.updateMany({ where: { journalId: { in: journalIds } }, data: { createdAt: at } });
  await db.ledgerJournal.updateMany({ where: { id: { in: journalIds } }, data: { createdAt: at } });
}

async function paidDeposit(merchantId: string, method: string, amount: number, at: Date) {
  const deposit = await createDeposit({ merchantId, method, amount, actor });
  const paid = await transaction((tx) => markDepositPaid(tx, deposit, { paidAmount: deposit.total, paidAt: new Date(), actor }));
  const journal = await db.ledgerJournal.findUniqueOrThrow({ where: { idempotencyKey: `deposit:${deposit.id}:paid` } });
  await dateJournals([journal.id], at);
  await db.deposit.update({ where: { id: deposit.id }, data: { paidAt: at } });
  return paid!;
}

async function holdThen(merchantId: string, amount: number, outcome: "post" | "void", reservedAt: Date, settledAt: Date) {
  const reference = `wd-${randomUUID()}`;
  const { hold } = await transaction((tx) => reserve(tx, { merchantId, amount, idempotencyKey: reference, reference }));
  await dateJournals([hold.reserveJournalId], reservedAt);
  const settled = await transaction((tx) =>
    outcome === "post" ? postHold(tx, { holdId: hold.id, to: [{ account: "payoutClearing", amount }] }) : voidHold(tx, { holdId: hold.id }),
  );
  await dateJournals([settled.settleJournalId!], settledAt);
}

async function attempt(merchantId: string, statusCode: number | null, at: Date) {
  const event = await transaction((tx) => enqueueEvent(tx, { merchantId, type: "topup.success", data: { id: randomUUID() } }));
  await db.outboxEvent.update({ where: { id: event.id }, data: { createdAt: at } });
  await db.deliveryAttempt.create({ data: { eventId: event.id, attempt: 1, url: "https://example.test/cb", statusCode, latencyMs: 5, createdAt: at } });
}

// "Now" is 10 March 2026, 12:00 WIB; the 7-day period is 4–10 March (WIB).
const NOW = new Date("2026-03-10T05:00:00Z");

describe("merchant charts", () => {
  it("buckets by WIB day, carries the balance over quiet days and leaves reversals out of in/out", async () => {
    const { merchantId } = await createMerchant("Toko Grafik");
    // Before the period: the opening balance.
    const opening = await transaction((tx) => credit(tx, { merchantId, amount: 10_000, idempotencyKey: `open-${merchantId}`, reference: "opening" }));
    await dateJournals([opening.journal.id], new Date("2026-03-01T03:00:00Z"));
    // 23:59:59 WIB on 5 March, and 00:00:00 WIB on 6 March: one second apart, two days.
    const va = await paidDeposit(merchantId, "VA_BNI", 100_000, new Date("2026-03-05T16:59:59Z"));
    const qris = await paidDeposit(merchantId, "QRIS", 50_000, new Date("2026-03-05T17:00:00Z"));
    // 7 March: nothing. 8 March: a withdrawal reserved, then rejected (void) the same day.
    await holdThen(merchantId, 30_000, "void", new Date("2026-03-08T02:00:00Z"), new Date("2026-03-08T03:00:00Z"));
    // 9 March (WIB): reserved late on the 8th WIB evening… posted on the 9th.
    await holdThen(merchantId, 20_000, "post", new Date("2026-03-08T16:00:00Z"), new Date("2026-03-09T01:00:00Z"));
    // Callbacks: one delivered and one failed on 6 March (WIB), one delivered on 9 March.
    await attempt(merchantId, 200, new Date("2026-03-05T17:00:00Z"));
    await attempt(merchantId, 500, new Date("2026-03-06T10:00:00Z"));
    await attempt(merchantId, 204, new Date("2026-03-09T10:00:00Z"));
    await attempt(merchantId, null, new Date("2026-03-05T16:59:59Z")); // 5 March WIB: a timeout

    const charts = await getMerchantCharts({ merchantId, period: 7, now: NOW });
    expect(charts.hasData).toBe(true);
    expect(charts.days.map((d) => d.day)).toEqual(["2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"]);
    const day = (d: string) => charts.days.find((x) => x.day === d)!;
    const afterVa = 10_000n + va.creditAmount;
    const afterQris = afterVa + qris.creditAmount;

    expect(day("2026-03-04")).toMatchObject({ balance: 10_000n, moneyIn: 0n, moneyOut: 0n });
    expect(day("2026-03-05")).toMatchObject({ balance: afterVa, moneyIn: va.creditAmount, moneyOut: 0n, delivered: 0, failed: 1 });
    expect(day("2026-03-06")).toMatchObject({ balance: afterQris, moneyIn: qris.creditAmount, moneyOut: 0n, delivered: 1, failed: 1 });
    // No activity: the balance is carried forward.
    expect(day("2026-03-07")).toMatchObject({ balance: afterQris, moneyIn: 0n, moneyOut: 0n });
    // The rejected withdrawal came back the same day; the second one's reserve lowered the
    // available balance on the 8th (WIB 23:00), its payout is money out on the 9th.
    expect(day("2026-03-08")).toMatchObject({ balance: afterQris - 20_000n, moneyIn: 0n, moneyOut: 0n });
    expect(day("2026-03-09")).toMatchObject({ balance: afterQris - 20_000n, moneyIn: 0n, moneyOut: 20_000n, delivered: 1, failed: 0 });
    expect(day("2026-03-10")).toMatchObject({ balance: afterQris - 20_000n, moneyIn: 0n, moneyOut: 0n });

    expect(charts.byMethod).toEqual([
      { method: "VA_BNI", amount: va.creditAmount },
      { method: "QRIS", amount: qris.creditAmount },
    ]);
    expect(charts.totals).toEqual({ moneyIn: va.creditAmount + qris.creditAmount, moneyOut: 20_000n, delivered: 2, failed: 2 });

    // The ledger agrees: the wallet's balance now is the last day's.
    const wallet = await db.ledgerAccount.findUniqueOrThrow({ where: { code: walletCode(merchantId) } });
    expect(wallet.balance).toBe(day("2026-03-10").balance);

    // A longer period starts before the opening entry: zero until the first money arrived.
    const month = await getMerchantCharts({ merchantId, period: 30, now: NOW });
    expect(month.days).toHaveLength(30);
    expect(month.days.find((d) => d.day === "2026-02-28")).toMatchObject({ balance: 0n });
    expect(month.days.find((d) => d.day === "2026-03-01")).toMatchObject({ balance: 10_000n, moneyIn: 10_000n });
    expect(month.byMethod).toContainEqual({ method: "OTHER", amount: 10_000n });
  });

  it("a new merchant has no data: every day zero, the empty state", async () => {
    const { merchantId } = await createMerchant("Toko Baru");
    const charts = await getMerchantCharts({ merchantId, period: 30, now: NOW });
    expect(charts.hasData).toBe(false);
    expect(charts.days).toHaveLength(30);
    expect(charts.days.every((d) => d.balance === 0n && d.moneyIn === 0n && d.moneyOut === 0n && d.delivered === 0)).toBe(true);
    expect(charts.byMethod).toEqual([]);
  });

  it("the summary compares today with yesterday and this month with the same days of last month", async () => {
    const { merchantId } = await createMerchant("Toko Ringkas");
    await paidDeposit(merchantId, "QRIS", 40_000, new Date("2026-03-09T02:00:00Z")); // yesterday
    const today = await paidDeposit(merchantId, "VA_BRI", 70_000, new Date("2026-03-10T01:00:00Z"));
    const midnight = await paidDeposit(merchantId, "BANK_TRANSFER", 25_000, new Date("2026-03-09T17:30:00Z")); // 00:30 WIB today
    const summary = await getMerchantSummary({ merchantId, now: NOW });
    const yesterday = await db.ledgerEntry.aggregate({
      where: { account: { code: walletCode(merchantId) }, createdAt: { lt: new Date("2026-03-09T17:00:00Z") } },
      _sum: { amount: true },
    });
    expect(summary.topUpsToday.count).toBe(2);
    expect(summary.topUpsToday.previousCount).toBe(1);
    expect(summary.topUpsToday.value).toBe(today.creditAmount + midnight.creditAmount);
    expect(summary.available.previous).toBe(yesterday._sum.amount);
    const wallet = await db.ledgerAccount.findUniqueOrThrow({ where: { code: walletCode(merchantId) } });
    const hold = await db.ledgerAccount.findUniqueOrThrow({ where: { code: holdCode(merchantId) } });
    expect(summary.available.value).toBe(wallet.balance);
    expect(summary.held.value).toBe(hold.balance);
    expect(summary.withdrawalsThisMonth).toMatchObject({ value: 0n, previous: 0n, count: 0 });
  });
});

describe("admin overview", () => {
  it("sums merchant balances against system accounts by type, a sharded clearing account included", async () => {
    const { merchantId } = await createMerchant("Toko Shard");
    // A second provider-clearing account, as sharding would open: counted by its type.
    const shard = await db.ledgerAccount.create({ data: { code: `system:provider_clearing:shard-${randomUUID()}`, type: ACCOUNT_TYPES.PROVIDER_CLEARING } });
    await transaction(async (tx) => {
      const wallet = await tx.ledgerAccount.findUniqueOrThrow({ where: { code: walletCode(merchantId) } });
      await postJournal(tx, { idempotencyKey: `shard-${shard.id}`, type: "DEPOSIT", lines: [{ accountId: wallet.id, amount: 300_000n }, { accountId: shard.id, amount: -300_000n }] });
    });
    const now = new Date();
    const overview = await getAdminOverview({ now });
    const accounts = await db.ledgerAccount.findMany();
    const merchantTypes: string[] = [ACCOUNT_TYPES.MERCHANT_WALLET, ACCOUNT_TYPES.MERCHANT_HOLD, ACCOUNT_TYPES.MERCHANT_SETTLEMENT];
    const owed = accounts.filter((a) => merchantTypes.includes(a.type)).reduce((s, a) => s + a.balance, 0n);
    const cashTypes: string[] = [ACCOUNT_TYPES.PROVIDER_CLEARING, ACCOUNT_TYPES.PAYOUT_CLEARING, ACCOUNT_TYPES.PREPAID_SUPPLIER];
    const held = -accounts.filter((a) => cashTypes.includes(a.type)).reduce((s, a) => s + a.balance, 0n);
    expect(overview.float.owedToMerchants).toBe(owed);
    expect(overview.float.held).toBe(held);
    expect(overview.float.balanced).toBe(true);
    const clearing = overview.float.bySystemType.find((t) => t.type === ACCOUNT_TYPES.PROVIDER_CLEARING)!;
    expect(clearing.accounts).toBeGreaterThanOrEqual(2);
    expect(clearing.balance).toBe(accounts.filter((a) => a.type === ACCOUNT_TYPES.PROVIDER_CLEARING).reduce((s, a) => s + a.balance, 0n));
    // Today's volume includes the shard's 300.000 (entries dated now).
    const todayVolume = overview.volume.at(-1)!;
    expect(todayVolume.moneyIn).toBeGreaterThanOrEqual(300_000n);
    expect(overview.volume).toHaveLength(30);
  });

  it("counts pending withdrawals, today's deposits by provider and failing endpoints", async () => {
    const { merchantId } = await createMerchant("Toko Antre");
    const deposit = await createDeposit({ merchantId, method: "VA_MANDIRI", amount: 80_000, actor });
    const before = await getAdminOverview();
    await transaction((tx) => markDepositPaid(tx, deposit, { paidAmount: deposit.total, paidAt: new Date(), actor }));
    await requestWithdrawal({ merchantId, amount: 10_000, method: "bca", accountNumber: "1234567890", accountName: "Toko Antre", actor });
    await attempt(merchantId, 503, new Date());
    const after = await getAdminOverview();
    const sandbox = (o: typeof after) => o.depositsToday.find((p) => p.provider === deposit.provider) ?? { count: 0, amount: 0n };
    expect(sandbox(after).count).toBe(sandbox(before).count + 1);
    expect(sandbox(after).amount).toBe(sandbox(before).amount + deposit.total);
    expect(after.failingEndpoints.failingLastHour).toBe(before.failingEndpoints.failingLastHour + 1);
    expect(after.pendingWithdrawals.count).toBe(before.pendingWithdrawals.count + 1);
    expect(after.pendingWithdrawals.amount).toBe(before.pendingWithdrawals.amount + 10_000n);
    expect(after.pendingWithdrawals.oldestAt).not.toBeNull();
    expect(after.float.balanced).toBe(true);
  });
});
