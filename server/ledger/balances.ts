import { db, readCommitted, type Db, type Tx } from "../db";
import { holdCode, walletCode } from "./accounts";
import { cursorId, keysetPage } from "../../lib/keyset-cursor";
import { pageResult, pageSkip } from "../../lib/pagination";
import { COUNT_TAKE, cappedTotal } from "../../lib/capped-count";

type Reader = Db | Tx;

/**
 * Available = the wallet (holds already taken off); held = what pending holds reserve. One
 * statement for both accounts (the REST hot path: GET /api/v1/balance), without the query builder.
 */
export async function balanceOf(reader: Reader, merchantId: string) {
  const rows = await reader.$queryRaw<BalanceRow[]>`SELECT "code", "balance" FROM "LedgerAccount" WHERE "code" IN (${walletCode(merchantId)}, ${holdCode(merchantId)})`;
  return balancesFrom(rows, merchantId);
}

type BalanceRow = { code: string; balance: bigint | number | string };

function balancesFrom(rows: BalanceRow[], merchantId: string) {
  const wallet = walletCode(merchantId);
  let available = 0n;
  let held = 0n;
  for (const row of rows) {
    if (row.code === wallet) available = BigInt(row.balance);
    else held = BigInt(row.balance);
  }
  return { available, held };
}

/**
 * Which entries: a period (`from` inclusive, `before` exclusive) and either a page number (1-based,
 * for the portal's pager) or a `cursor` — the `nextCursor` of the previous page, which continues
 * right after the last entry it showed (keyset paging: stable while new entries arrive, and an
 * index seek however deep). With a cursor, `page` is not used.
 */
export type HistoryPage = { page: number; pageSize: number; from?: Date; before?: Date; cursor?: string };

/**
 * The wallet's entries, newest first, each with the journal that explains it: the page envelope
 * (`total`, `page`, `pageSize`, `totalPages`, `items`) plus `nextCursor` (null on the last page).
 * `total` counts up to COUNT_CAP entries (`totalCapped` past it, lib/capped-count.ts): a wallet with
 * hundreds of thousands of entries is not counted on every page view; older pages are reached by cursor.
 * Entry ids rise in posting order per account (the posting locks the account row before it writes
 * the entry), so "older than the cursor" is "id below it".
 */
export async function walletHistory(...args: [merchantId: string, page: HistoryPage] | [reader: Reader, merchantId: string, page: HistoryPage]) {
  const [reader, merchantId, { page, pageSize, from, before, cursor }] = args.length === 2 ? [db, ...args] : args;
  const account = await reader.ledgerAccount.findUnique({ where: { code: walletCode(merchantId) }, select: { id: true } });
  if (!account) return { ...pageResult([], 0, { page, pageSize }), totalCapped: false, nextCursor: null };
  // accountId + createdAt: the (accountId, createdAt) and (accountId, id) indexes serve these.
  const where = {
    accountId: account.id,
    ...(from || before ? { createdAt: { ...(from ? { gte: from } : {}), ...(before ? { lt: before } : {}) } } : {}),
  };
  const [counted, rows] = await Promise.all([
    reader.ledgerEntry.count({ where, take: COUNT_TAKE }),
    reader.ledgerEntry.findMany({
      where: cursor ? { ...where, id: { lt: cursorId(cursor) } } : where,
      orderBy: { id: "desc" },
      skip: cursor ? 0 : pageSkip({ page, pageSize }),
      take: pageSize + 1,
      include: { journal: { select: { id: true, type: true, reference: true, description: true } } },
    }),
  ]);
  const { items, nextCursor } = keysetPage(rows, pageSize);
  const { total, totalCapped } = cappedTotal(counted);
  return {
    ...pageResult(
      items.map((row) => ({
        id: row.id,
        journalId: row.journal.id,
        type: row.journal.type,
        reference: row.journal.reference,
        description: row.journal.description,
        amount: row.amount,
        balanceAfter: row.balanceAfter,
        createdAt: row.createdAt,
      })),
      total,
      { page, pageSize },
    ),
    totalCapped,
    nextCursor,
  };
}

/**
 * A merchant's balances for the REST and page edges, which do not hold a database handle: the
 * hottest read of the API (GET /api/v1/balance), so it is one committed read off Prisma's pipeline.
 */
export async function merchantBalance(merchantId: string) {
  const rows = await readCommitted<BalanceRow>(`SELECT "code", "balance" FROM "LedgerAccount" WHERE "code" IN (?, ?)`, [walletCode(merchantId), holdCode(merchantId)]);
  return balancesFrom(rows, merchantId);
}

/** Several merchants' balances in one query (lists that show a balance per row, such as the withdrawal desk). */
export async function balancesOf(reader: Reader, merchantIds: string[]): Promise<Map<string, { available: bigint; held: bigint }>> {
  const result = new Map(merchantIds.map((id) => [id, { available: 0n, held: 0n }]));
  if (!merchantIds.length) return result;
  const accounts = await reader.ledgerAccount.findMany({
    where: { code: { in: merchantIds.flatMap((id) => [walletCode(id), holdCode(id)]) } },
    select: { code: true, merchantId: true, balance: true },
  });
  for (const account of accounts) {
    const balances = account.merchantId ? result.get(account.merchantId) : undefined;
    if (!balances) continue;
    if (account.code === walletCode(account.merchantId!)) balances.available = account.balance;
    else balances.held = account.balance;
  }
  return result;
}
