import { db, type Db, type Tx } from "../db";
import { holdCode, walletCode } from "./accounts";
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

export type HistoryPage = { page: number; pageSize: number; from?: Date; before?: Date };

/** The wallet's entries, newest first, each with the journal that explains it. */
export async function walletHistory(...args: [merchantId: string, page: HistoryPage] | [reader: Reader, merchantId: string, page: HistoryPage]) {
  const [reader, merchantId, { page, pageSize, from, before }] = args.length === 2 ? [db, ...args] : args;
  const where = {
    account: { code: walletCode(merchantId) },
    ...(from || before ? { createdAt: { ...(from ? { gte: from } : {}), ...(before ? { lt: before } : {}) } } : {}),
  };
  const [total, rows] = await Promise.all([
    reader.ledgerEntry.count({ where }),
    reader.ledgerEntry.findMany({
      where,
      orderBy: { id: "desc" },
      skip: pageSkip({ page, pageSize }),
      take: pageSize,
      include: { journal: { select: { id: true, type: true, reference: true, description: true } } },
    }),
  ]);
  return pageResult(
    rows.map((row) => ({
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
  );
}

/** A merchant's balances for the REST and page edges, which do not hold a database handle. */
export async function merchantBalance(merchantId: string) {
  return balanceOf(db, merchantId);
}
