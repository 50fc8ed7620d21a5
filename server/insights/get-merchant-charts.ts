// The wallet page's charts for one merchant over the last 7, 30 or 90 WIB days: end-of-day
// balance (from the ledger's balanceAfter, carried forward over quiet days), money in and out
// per day, money in by method, and how its callbacks fared. Every figure is aggregated in SQL,
// grouped by WIB day over indexed columns, so a merchant with a million entries costs a range
// scan of one index per query, not a million rows in memory.
import { db, Prisma } from "../db";
import { holdCode, walletCode } from "../ledger";
import { lastWibDays, wholeNumber, wibDaySql } from "./day-buckets";

export const CHART_PERIODS = [7, 30, 90] as const;
export type ChartPeriod = (typeof CHART_PERIODS)[number];

/** Where money in came from: a deposit method, or OTHER (sweeps from settlement, adjustments). */
export type MoneyInSource = "VA_BNI" | "VA_BRI" | "VA_MANDIRI" | "VA_PERMATA" | "QRIS" | "BANK_TRANSFER" | "DIRECT_DEBIT" | "OTHER";
const SOURCES: readonly MoneyInSource[] = ["VA_BNI", "VA_BRI", "VA_MANDIRI", "VA_PERMATA", "QRIS", "BANK_TRANSFER", "DIRECT_DEBIT", "OTHER"];

export type ChartDay = {
  day: string;
  /** Available balance at the end of the day (the last entry's balanceAfter, or the day before's). */
  balance: bigint;
  moneyIn: bigint;
  moneyOut: bigint;
  delivered: number;
  failed: number;
};

export type MerchantCharts = {
  period: ChartPeriod;
  days: ChartDay[];
  byMethod: { method: MoneyInSource; amount: bigint }[];
  totals: { moneyIn: bigint; moneyOut: bigint; delivered: number; failed: number };
  /** False for a merchant with no entries and no callbacks in the period and none before it: the empty state. */
  hasData: boolean;
};

// Callbacks are retried for about two days (WEBHOOK_RETRY_SCHEDULE); an attempt in the period
// belongs to an event created at most this long before it, which bounds the (merchantId,
// createdAt) index range the join reads.
const EVENT_LOOKBACK_MS = 7 * 24 * 3600_000;

export async function getMerchantCharts(input: { merchantId: string; period: ChartPeriod; now?: Date }): Promise<MerchantCharts> {
  const { days, from, before } = lastWibDays(input.period, input.now);
  const accounts = await db.ledgerAccount.findMany({
    where: { code: { in: [walletCode(input.merchantId), holdCode(input.merchantId)] } },
    select: { id: true, code: true },
  });
  const wallet = accounts.find((a) => a.code === walletCode(input.merchantId))?.id ?? "";
  const hold = accounts.find((a) => a.code === holdCode(input.merchantId))?.id ?? "";
  const entryDay = wibDaySql(`e."createdAt"`);

  const [opening, endOfDay, flows, sources, callbacks] = await Promise.all([
    // The balance the period opens with: the last entry before it.
    db.ledgerEntry.findFirst({
      where: { accountId: wallet, createdAt: { lt: from } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { balanceAfter: true },
    }),
    // The last entry of each day (entry ids rise in posting order per account).
    db.$queryRaw<{ day: string; balance: unknown }[]>(Prisma.sql`
      SELECT last.day AS day, e."balanceAfter" AS balance
      FROM (
        SELECT ${entryDay} AS day, MAX(e.id) AS id
        FROM "LedgerEntry" e
        WHERE e."accountId" = ${wallet} AND e."createdAt" >= ${from} AND e."createdAt" < ${before}
        GROUP BY 1
      ) last
      JOIN "LedgerEntry" e ON e.id = last.id`),
    // In: credits to the wallet except a void's return of held money (a withdrawal rejected is
    // no income). Out: what left for good — posted holds — and direct debits of the wallet
    // other than reserves (a reserve is only a move into the hold account).
    db.$queryRaw<{ day: string; money_in: unknown; money_out: unknown }[]>(Prisma.sql`
      SELECT ${entryDay} AS day,
        CAST(SUM(CASE WHEN e."accountId" = ${wallet} AND e.amount > 0 AND j.type <> 'HOLD_VOID' THEN e.amount ELSE 0 END) AS BIGINT) AS money_in,
        CAST(SUM(CASE
          WHEN e."accountId" = ${wallet} AND e.amount < 0 AND j.type <> 'HOLD_RESERVE' THEN -e.amount
          WHEN e."accountId" = ${hold} AND j.type = 'HOLD_POST' THEN -e.amount
          ELSE 0 END) AS BIGINT) AS money_out
      FROM "LedgerEntry" e
      JOIN "LedgerJournal" j ON j.id = e."journalId"
      WHERE e."accountId" IN (${wallet}, ${hold}) AND e."createdAt" >= ${from} AND e."createdAt" < ${before}
      GROUP BY 1`),
    // Money in by where it came from: the deposit each DEPOSIT journal credits.
    db.$queryRaw<{ method: string | null; amount: unknown }[]>(Prisma.sql`
      SELECT d.method AS method, CAST(SUM(e.amount) AS BIGINT) AS amount
      FROM "LedgerEntry" e
      JOIN "LedgerJournal" j ON j.id = e."journalId"
      LEFT JOIN "Deposit" d ON j.type = 'DEPOSIT' AND d.id = j.reference
      WHERE e."accountId" = ${wallet} AND e.amount > 0 AND j.type <> 'HOLD_VOID'
        AND e."createdAt" >= ${from} AND e."createdAt" < ${before}
      GROUP BY d.method`),
    db.$queryRaw<{ day: string; delivered: unknown; failed: unknown }[]>(Prisma.sql`
      SELECT ${wibDaySql(`a."createdAt"`)} AS day,
        SUM(CASE WHEN a."statusCode" >= 200 AND a."statusCode" < 300 THEN 1 ELSE 0 END) AS delivered,
        SUM(CASE WHEN a."statusCode" >= 200 AND a."statusCode" < 300 THEN 0 ELSE 1 END) AS failed
      FROM "OutboxEvent" o
      JOIN "DeliveryAttempt" a ON a."eventId" = o.id
      WHERE o."merchantId" = ${input.merchantId} AND o."createdAt" >= ${new Date(from.getTime() - EVENT_LOOKBACK_MS)} AND o."createdAt" < ${before}
        AND a."createdAt" >= ${from} AND a."createdAt" < ${before}
      GROUP BY 1`),
  ]);

  const balanceByDay = new Map(endOfDay.map((r) => [r.day, wholeNumber(r.balance)]));
  const flowByDay = new Map(flows.map((r) => [r.day, { moneyIn: wholeNumber(r.money_in), moneyOut: wholeNumber(r.money_out) }]));
  const callbacksByDay = new Map(callbacks.map((r) => [r.day, { delivered: Number(r.delivered ?? 0), failed: Number(r.failed ?? 0) }]));

  let balance = opening?.balanceAfter ?? 0n;
  const chartDays: ChartDay[] = days.map((day) => {
    balance = balanceByDay.get(day) ?? balance;
    const flow = flowByDay.get(day) ?? { moneyIn: 0n, moneyOut: 0n };
    const sent = callbacksByDay.get(day) ?? { delivered: 0, failed: 0 };
    return { day, balance, ...flow, ...sent };
  });

  const bySource = new Map<MoneyInSource, bigint>();
  for (const row of sources) {
    const method = SOURCES.includes(row.method as MoneyInSource) ? (row.method as MoneyInSource) : "OTHER";
    bySource.set(method, (bySource.get(method) ?? 0n) + wholeNumber(row.amount));
  }
  const byMethod = SOURCES.filter((m) => (bySource.get(m) ?? 0n) > 0n).map((method) => ({ method, amount: bySource.get(method)! }));

  const totals = chartDays.reduce(
    (sum, d) => ({ moneyIn: sum.moneyIn + d.moneyIn, moneyOut: sum.moneyOut + d.moneyOut, delivered: sum.delivered + d.delivered, failed: sum.failed + d.failed }),
    { moneyIn: 0n, moneyOut: 0n, delivered: 0, failed: 0 },
  );
  const hasData = opening !== null || endOfDay.length > 0 || flows.length > 0 || callbacks.length > 0;
  return { period: input.period, days: chartDays, byMethod, totals, hasData };
}
