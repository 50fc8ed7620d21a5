// Wallet statements: the ledger lines of a period with opening and closing balance, on screen
// and as CSV (date, type, reference, debit, credit, balance). Periods are WIB days.
import { db } from "../db";
import { walletCode } from "../ledger";
import { toCsv } from "../../lib/csv";
import { cursorId, keysetPage } from "../../lib/keyset-cursor";
import { formatWibSql, wibDayStart } from "../../lib/format";

export type StatementPeriod = { from?: string; to?: string }; // YYYY-MM-DD, both inclusive

const MAX_ROWS = 50_000;

export function monthPeriod(month: string): Required<StatementPeriod> {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

/**
 * Which lines of the period: all of them (up to MAX_ROWS, `truncated` past it) by default, or a
 * keyset page of `limit` lines after `cursor` (the previous page's `nextCursor`).
 */
export type StatementPage = { cursor?: string; limit?: number };

/**
 * The period's lines, oldest first, with the balance before the period's first line (`opening`)
 * and after its last (`closing`) — whichever page of lines is asked for — and `nextCursor` for the
 * page after (null on the last).
 *
 * A period is a range of entry ids: from the first entry posted at or after its start to the first
 * posted at or after its end, each found with one seek on the (accountId, createdAt) index. The
 * lines are then read in id order on the (accountId, id) index, so a month of a wallet with a
 * million entries costs a few index seeks, not a scan; and consecutive periods tile exactly (a
 * month's closing is the next month's opening), entry ids rising in posting order per account.
 */
export async function walletStatement(merchantId: string, period: StatementPeriod, { cursor, limit = MAX_ROWS }: StatementPage = {}) {
  const account = await db.ledgerAccount.findUnique({ where: { code: walletCode(merchantId) } });
  if (!account) return { opening: 0n, closing: 0n, rows: [], truncated: false, nextCursor: null };
  const start = period.from ? wibDayStart(period.from) : undefined;
  const end = period.to ? new Date(wibDayStart(period.to).getTime() + 24 * 3600_000) : undefined;
  const firstIdFrom = async (at: Date) =>
    (await db.ledgerEntry.findFirst({ where: { accountId: account.id, createdAt: { gte: at } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } }))?.id;
  const [startId, endId] = await Promise.all([start ? firstIdFrom(start) : undefined, end ? firstIdFrom(end) : undefined]);
  const empty = (start && startId === undefined) || (startId !== undefined && endId !== undefined && endId <= startId);
  const idRange = { ...(startId !== undefined ? { gte: startId } : {}), ...(endId !== undefined ? { lt: endId } : {}) };
  const inPeriod = { accountId: account.id, ...(startId !== undefined || endId !== undefined ? { id: idRange } : {}) };
  const take = Math.min(Math.max(limit, 1), MAX_ROWS);
  const [first, last, entries] = empty
    ? [null, null, []]
    : await Promise.all([
        db.ledgerEntry.findFirst({ where: inPeriod, orderBy: { id: "asc" }, select: { amount: true, balanceAfter: true } }),
        db.ledgerEntry.findFirst({ where: inPeriod, orderBy: { id: "desc" }, select: { balanceAfter: true } }),
        db.ledgerEntry.findMany({
          where: cursor ? { ...inPeriod, id: { ...idRange, gt: cursorId(cursor) } } : inPeriod,
          orderBy: { id: "asc" },
          take: take + 1,
          include: { journal: { select: { type: true, reference: true, description: true } } },
        }),
      ]);
  // The balance before the first line is that line's balance less its amount; a period without
  // lines opens (and closes) at the balance of the last line before it.
  const opening = first
    ? first.balanceAfter - first.amount
    : start
      ? ((await db.ledgerEntry.findFirst({ where: { accountId: account.id, ...(startId !== undefined ? { id: { lt: startId } } : {}) }, orderBy: { id: "desc" }, select: { balanceAfter: true } }))?.balanceAfter ?? 0n)
      : 0n;
  const page = keysetPage(entries, take);
  const rows = page.items.map((e) => ({
    date: e.createdAt,
    type: e.journal.type,
    reference: e.journal.reference ?? "",
    description: e.journal.description ?? "",
    debit: e.amount < 0n ? -e.amount : 0n,
    credit: e.amount > 0n ? e.amount : 0n,
    balance: e.balanceAfter,
  }));
  return { opening, closing: last?.balanceAfter ?? opening, rows, truncated: page.nextCursor !== null, nextCursor: page.nextCursor };
}

/** The statement as CSV; text cells go through lib/csv.ts, which neutralises formulas. */
export function statementCsv(statement: Omit<Awaited<ReturnType<typeof walletStatement>>, "nextCursor">): string {
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
