// Wallet statements: the ledger lines of a period with opening and closing balance, on screen
// and as CSV (date, type, reference, debit, credit, balance). Periods are WIB days.
import { db } from "../db";
import { walletCode } from "../ledger";
import { toCsv } from "../../lib/csv";
import { formatWibSql, wibDayStart } from "../../lib/format";

export type StatementPeriod = { from?: string; to?: string }; // YYYY-MM-DD, both inclusive

const MAX_ROWS = 50_000;

export function monthPeriod(month: string): Required<StatementPeriod> {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

export async function walletStatement(merchantId: string, period: StatementPeriod) {
  const account = await db.ledgerAccount.findUnique({ where: { code: walletCode(merchantId) } });
  if (!account) return { opening: 0n, closing: 0n, rows: [], truncated: false };
  const start = period.from ? wibDayStart(period.from) : undefined;
  const end = period.to ? new Date(wibDayStart(period.to).getTime() + 24 * 3600_000) : undefined;
  const before = start
    ? await db.ledgerEntry.findFirst({ where: { accountId: account.id, createdAt: { lt: start } }, orderBy: { id: "desc" }, select: { balanceAfter: true } })
    : null;
  const entries = await db.ledgerEntry.findMany({
    where: { accountId: account.id, createdAt: { ...(start ? { gte: start } : {}), ...(end ? { lt: end } : {}) } },
    orderBy: { id: "asc" },
    take: MAX_ROWS + 1,
    include: { journal: { select: { type: true, reference: true, description: true } } },
  });
  const rows = entries.slice(0, MAX_ROWS).map((e) => ({
    date: e.createdAt,
    type: e.journal.type,
    reference: e.journal.reference ?? "",
    description: e.journal.description ?? "",
    debit: e.amount < 0n ? -e.amount : 0n,
    credit: e.amount > 0n ? e.amount : 0n,
    balance: e.balanceAfter,
  }));
  const opening = before?.balanceAfter ?? 0n;
  return { opening, closing: rows.at(-1)?.balance ?? opening, rows, truncated: entries.length > MAX_ROWS };
}

/** The statement as CSV; text cells go through lib/csv.ts, which neutralises formulas. */
export function statementCsv(statement: Awaited<ReturnType<typeof walletStatement>>): string {
  return toCsv([
    ["date", "type", "reference", "description", "debit", "credit", "balance"],
    ...statement.rows.map((r) => [formatWibSql(r.date), r.type, r.reference, r.description, r.debit, r.credit, r.balance]),
  ]);
}

/** An admin's view of any merchant's month. */
export async function statementForAdmin(merchantId: string, period: StatementPeriod) {
  const merchant = await db.merchant.findUnique({ where: { id: merchantId }, select: { id: true, businessName: true } });
  if (!merchant) return null;
  return { merchant, statement: await walletStatement(merchantId, period) };
}
