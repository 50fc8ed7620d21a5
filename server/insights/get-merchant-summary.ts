// The four figures above the wallet page's charts, each with the change against the period
// before it: available and held now against the end of yesterday (WIB), today's top-ups against
// yesterday's, and this month's withdrawals (month to date) against the same days of last month.
import { wibDay, wibDayStart } from "../../lib/format";
import { db } from "../db";
import { holdCode, walletCode } from "../ledger";
import { addWibDays } from "./day-buckets";

export type Figure = { value: bigint; previous: bigint; count?: number; previousCount?: number };

export type MerchantSummary = { available: Figure; held: Figure; topUpsToday: Figure; withdrawalsThisMonth: Figure };

async function balanceBefore(accountId: string | undefined, instant: Date): Promise<bigint> {
  if (!accountId) return 0n;
  const entry = await db.ledgerEntry.findFirst({
    where: { accountId, createdAt: { lt: instant } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { balanceAfter: true },
  });
  return entry?.balanceAfter ?? 0n;
}

/** The first instant of the WIB month `months` months after the one `day` falls in. */
function wibMonthStart(day: string, months = 0): Date {
  const [year, month] = day.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return wibDayStart(`${y}-${String(m).padStart(2, "0")}-01`);
}

export async function getMerchantSummary(input: { merchantId: string; now?: Date }): Promise<MerchantSummary> {
  const now = input.now ?? new Date();
  const today = wibDay(now);
  const todayStart = wibDayStart(today);
  const yesterdayStart = wibDayStart(addWibDays(today, -1));
  const tomorrowStart = wibDayStart(addWibDays(today, 1));
  const monthStart = wibMonthStart(today);
  const lastMonthStart = wibMonthStart(today, -1);
  // Month to date against the same stretch of last month, capped at last month's end.
  const lastMonthSameTime = new Date(Math.min(lastMonthStart.getTime() + (now.getTime() - monthStart.getTime()), monthStart.getTime()));

  const accounts = await db.ledgerAccount.findMany({
    where: { code: { in: [walletCode(input.merchantId), holdCode(input.merchantId)] } },
    select: { id: true, code: true, balance: true },
  });
  const wallet = accounts.find((a) => a.code === walletCode(input.merchantId));
  const hold = accounts.find((a) => a.code === holdCode(input.merchantId));

  const topUps = (gte: Date, lt: Date) =>
    db.ledgerEntry.aggregate({
      where: { accountId: wallet?.id ?? "", createdAt: { gte, lt }, amount: { gt: 0 }, journal: { type: "DEPOSIT" } },
      _sum: { amount: true },
      _count: true,
    });
  const withdrawals = (gte: Date, lt: Date) =>
    db.withdrawal.aggregate({
      where: { merchantId: input.merchantId, status: "success", createdAt: { gte, lt } },
      _sum: { amount: true },
      _count: true,
    });

  const [walletYesterday, holdYesterday, today_, yesterday, month, lastMonth] = await Promise.all([
    balanceBefore(wallet?.id, todayStart),
    balanceBefore(hold?.id, todayStart),
    topUps(todayStart, tomorrowStart),
    topUps(yesterdayStart, todayStart),
    withdrawals(monthStart, now),
    withdrawals(lastMonthStart, lastMonthSameTime),
  ]);
  return {
    available: { value: wallet?.balance ?? 0n, previous: walletYesterday },
    held: { value: hold?.balance ?? 0n, previous: holdYesterday },
    topUpsToday: { value: today_._sum.amount ?? 0n, previous: yesterday._sum.amount ?? 0n, count: today_._count, previousCount: yesterday._count },
    withdrawalsThisMonth: { value: month._sum.amount ?? 0n, previous: lastMonth._sum.amount ?? 0n, count: month._count, previousCount: lastMonth._count },
  };
}
