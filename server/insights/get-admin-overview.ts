// The admin's first page: the float (what Saldo owes merchants against what its system accounts
// say it holds), the withdrawal queue, today's deposits and payouts by provider, merchant
// endpoints that are failing, payments awaiting review, and 30 days of volume. System accounts
// are always summed by type, never read by one code: a type may be sharded into several accounts.
import { wibDay, wibDayStart } from "../../lib/format";
import { db, Prisma } from "../db";
import { ACCOUNT_TYPES } from "../ledger";
import { addWibDays, lastWibDays, wholeNumber, wibDaySql } from "./day-buckets";

const MERCHANT_TYPES: readonly string[] = [ACCOUNT_TYPES.MERCHANT_WALLET, ACCOUNT_TYPES.MERCHANT_HOLD, ACCOUNT_TYPES.MERCHANT_SETTLEMENT];
// Accounts that mirror money outside Saldo: payers' money at the providers (clearing, negative
// as it comes in) and money already paid out (payouts, prepaid supplier, positive as it leaves).
const CASH_TYPES: readonly string[] = [ACCOUNT_TYPES.PROVIDER_CLEARING, ACCOUNT_TYPES.PAYOUT_CLEARING, ACCOUNT_TYPES.PREPAID_SUPPLIER];
const REVIEW_OUTCOMES = ["unknown_reference", "amount_mismatch", "late_payment"];

export type AdminOverview = {
  float: {
    /** What Saldo owes: every merchant wallet, hold and settlement account together. */
    owedToMerchants: bigint;
    byMerchantType: { type: string; balance: bigint }[];
    /** What the system accounts say Saldo holds: money received at providers less money sent out. */
    held: bigint;
    /** Saldo's own share (fees, adjustments): held − owed. */
    ownFunds: bigint;
    bySystemType: { type: string; balance: bigint; accounts: number }[];
    /** Every journal sums to zero, so all accounts together must too. */
    balanced: boolean;
  };
  pendingWithdrawals: { count: number; amount: bigint; oldestAt: Date | null };
  depositsToday: { provider: string; count: number; amount: bigint }[];
  payoutsToday: { provider: string; count: number; amount: bigint }[];
  failingEndpoints: { disabled: number; failingLastHour: number };
  awaitingReview: { payments: number; bankMutations: number; payouts: number };
  volume: { day: string; moneyIn: bigint; moneyOut: bigint }[];
};

export async function getAdminOverview(input: { now?: Date } = {}): Promise<AdminOverview> {
  const now = input.now ?? new Date();
  const todayStart = wibDayStart(wibDay(now));
  const tomorrowStart = wibDayStart(addWibDays(wibDay(now), 1));
  const hourAgo = new Date(now.getTime() - 3600_000);
  const { days, from, before } = lastWibDays(30, now);

  const systemAccounts = await db.ledgerAccount.findMany({
    where: { type: { in: [ACCOUNT_TYPES.PROVIDER_CLEARING, ACCOUNT_TYPES.PAYOUT_CLEARING, ACCOUNT_TYPES.PREPAID_SUPPLIER] } },
    select: { id: true, type: true },
  });
  const ids = (type: string) => systemAccounts.filter((a) => a.type === type).map((a) => a.id);
  const clearing = ids(ACCOUNT_TYPES.PROVIDER_CLEARING);
  const outgoing = [...ids(ACCOUNT_TYPES.PAYOUT_CLEARING), ...ids(ACCOUNT_TYPES.PREPAID_SUPPLIER)];
  const anyOf = (list: string[]) => (list.length > 0 ? Prisma.join(list) : Prisma.sql`NULL`);
  const payoutClearing = ids(ACCOUNT_TYPES.PAYOUT_CLEARING);

  const [byType, pending, depositRows, payoutRows, disabled, failing, payments, bankMutations, payouts, volumeRows] = await Promise.all([
    db.ledgerAccount.groupBy({ by: ["type"], _sum: { balance: true }, _count: true }),
    db.withdrawal.aggregate({ where: { status: "pending" }, _count: true, _sum: { amount: true }, _min: { createdAt: true } }),
    // Today's deposits: the clearing entries of DEPOSIT journals, each joined with its deposit.
    db.$queryRaw<{ provider: string | null; count: unknown; amount: unknown }[]>(Prisma.sql`
      SELECT d.provider AS provider, COUNT(*) AS count, CAST(SUM(-e.amount) AS BIGINT) AS amount
      FROM "LedgerEntry" e
      JOIN "LedgerJournal" j ON j.id = e."journalId" AND j.type = 'DEPOSIT'
      LEFT JOIN "Deposit" d ON d.id = j.reference
      WHERE e."accountId" IN (${anyOf(clearing)}) AND e."createdAt" >= ${todayStart} AND e."createdAt" < ${tomorrowStart}
      GROUP BY d.provider`),
    // Today's payouts: money posted into payout clearing, joined with the withdrawal it paid.
    db.$queryRaw<{ provider: string | null; count: unknown; amount: unknown }[]>(Prisma.sql`
      SELECT w."payoutProvider" AS provider, COUNT(*) AS count, CAST(SUM(e.amount) AS BIGINT) AS amount
      FROM "LedgerEntry" e
      JOIN "LedgerJournal" j ON j.id = e."journalId" AND j.type = 'HOLD_POST'
      LEFT JOIN "Withdrawal" w ON w.id = j.reference
      WHERE e."accountId" IN (${anyOf(payoutClearing)}) AND e."createdAt" >= ${todayStart} AND e."createdAt" < ${tomorrowStart}
      GROUP BY w."payoutProvider"`),
    db.webhookEndpoint.count({ where: { status: "disabled" } }),
    db.$queryRaw<{ merchants: unknown }[]>(Prisma.sql`
      SELECT COUNT(DISTINCT o."merchantId") AS merchants
      FROM "DeliveryAttempt" a
      JOIN "OutboxEvent" o ON o.id = a."eventId"
      WHERE a."createdAt" >= ${hourAgo} AND (a."statusCode" IS NULL OR a."statusCode" < 200 OR a."statusCode" >= 300)`),
    db.providerEvent.count({ where: { outcome: { in: REVIEW_OUTCOMES }, reviewedAt: null } }),
    db.bankMutation.count({ where: { status: "unmatched" } }),
    db.withdrawal.count({ where: { status: "unknown", payoutCheckAt: null } }),
    // Volume per WIB day: payers' money in (clearing debits), money out (payouts, prepaid supplier).
    db.$queryRaw<{ day: string; money_in: unknown; money_out: unknown }[]>(Prisma.sql`
      SELECT ${wibDaySql(`e."createdAt"`)} AS day,
        CAST(SUM(CASE WHEN e."accountId" IN (${anyOf(clearing)}) AND e.amount < 0 THEN -e.amount ELSE 0 END) AS BIGINT) AS money_in,
        CAST(SUM(CASE WHEN e."accountId" IN (${anyOf(outgoing)}) THEN e.amount ELSE 0 END) AS BIGINT) AS money_out
      FROM "LedgerEntry" e
      WHERE e."accountId" IN (${anyOf([...clearing, ...outgoing])}) AND e."createdAt" >= ${from} AND e."createdAt" < ${before}
      GROUP BY 1`),
  ]);

  const sum = (types: readonly string[]) => byType.filter((r) => types.includes(r.type)).reduce((total, r) => total + (r._sum.balance ?? 0n), 0n);
  const owedToMerchants = sum(MERCHANT_TYPES);
  const held = -sum(CASH_TYPES);
  const volumeByDay = new Map(volumeRows.map((r) => [r.day, { moneyIn: wholeNumber(r.money_in), moneyOut: wholeNumber(r.money_out) }]));
  const byProvider = (rows: { provider: string | null; count: unknown; amount: unknown }[]) =>
    rows.map((r) => ({ provider: r.provider ?? "other", count: Number(r.count), amount: wholeNumber(r.amount) })).sort((a, b) => (a.amount > b.amount ? -1 : a.amount < b.amount ? 1 : 0));

  return {
    float: {
      owedToMerchants,
      byMerchantType: byType.filter((r) => MERCHANT_TYPES.includes(r.type)).map((r) => ({ type: r.type, balance: r._sum.balance ?? 0n })),
      held,
      ownFunds: held - owedToMerchants,
      bySystemType: byType
        .filter((r) => !MERCHANT_TYPES.includes(r.type))
        .map((r) => ({ type: r.type, balance: r._sum.balance ?? 0n, accounts: r._count }))
        .sort((a, b) => a.type.localeCompare(b.type)),
      balanced: byType.reduce((total, r) => total + (r._sum.balance ?? 0n), 0n) === 0n,
    },
    pendingWithdrawals: { count: pending._count, amount: pending._sum.amount ?? 0n, oldestAt: pending._min.createdAt ?? null },
    depositsToday: byProvider(depositRows),
    payoutsToday: byProvider(payoutRows),
    failingEndpoints: { disabled, failingLastHour: Number(failing[0]?.merchants ?? 0) },
    awaitingReview: { payments, bankMutations, payouts },
    volume: days.map((day) => ({ day, ...(volumeByDay.get(day) ?? { moneyIn: 0n, moneyOut: 0n }) })),
  };
}
