import { db, type Db, type Tx } from "../db";
import { holdCode, walletCode } from "./accounts";
import { cursorId, keysetPage } from "../../lib/keyset-cursor";
import { pageResult, pageSkip } from "../../lib/pagination";

type Reader = Db | Tx;

/** Available = the wallet (holds already taken off); held = what pending holds reserve. */
export async function balanceOf(reader: Reader, merchantId: string) {
  const accounts = await reader.ledgerAccount.findMany({
    where: { code: { in: [walletCode(merchantId), holdCode(merchantId)] } },
    select: { code: true, balance: true },
  });
  const get = (code: string) => accounts.find((a) => a.code === code)?.balance ?? 0n;
  return { available: get(walletCode(merchantId)), held: get(holdCode(merchantId)) };
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
 * Entry ids rise in posting order per account (the posting locks the account row before it writes
 * the entry), so "older than the cursor" is "id below it".
 */
export async function walletHistory(...args: [merchantId: string, page: HistoryPage] | [reader: Reader, merchantId: string, page: HistoryPage]) {
  const [reader, merchantId, { page, pageSize, from, before, cursor }] = args.length === 2 ? [db, ...args] : args;
  const account = await reader.ledgerAccount.findUnique({ where: { code: walletCode(merchantId) }, select: { id: true } });
  if (!account) return { ...pageResult([], 0, { page, pageSize }), nextCursor: null };
  // accountId + createdAt: the (accountId, createdAt) and (accountId, id) indexes serve these.
  const where = {
    accountId: account.id,
    ...(from || before ? { createdAt: { ...(from ? { gte: from } : {}), ...(before ? { lt: before } : {}) } } : {}),
  };
  const [total, rows] = await Promise.all([
    reader.ledgerEntry.count({ where }),
    reader.ledgerEntry.findMany({
      where: cursor ? { ...where, id: { lt: cursorId(cursor) } } : where,
      orderBy: { id: "desc" },
      skip: cursor ? 0 : pageSkip({ page, pageSize }),
      take: pageSize + 1,
      include: { journal: { select: { id: true, type: true, reference: true, description: true } } },
    }),
  ]);
  const { items, nextCursor } = keysetPage(rows, pageSize);
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
    nextCursor,
  };
}

/** A merchant's balances for the REST and page edges, which do not hold a database handle. */
export async function merchantBalance(merchantId: string) {
  return balanceOf(db, merchantId);
}
