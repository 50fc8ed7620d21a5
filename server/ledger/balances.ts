import { db, type Db, type Tx } from "../db";
import { holdCode, walletCode } from "./accounts";

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
export async function walletHistory(reader: Reader, merchantId: string, { page, pageSize, from, before }: HistoryPage) {
  const where = {
    account: { code: walletCode(merchantId) },
    ...(from || before ? { createdAt: { ...(from ? { gte: from } : {}), ...(before ? { lt: before } : {}) } } : {}),
  };
  const [total, rows] = await Promise.all([
    reader.ledgerEntry.count({ where }),
    reader.ledgerEntry.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { journal: { select: { id: true, type: true, reference: true, description: true } } },
    }),
  ]);
  return {
    total,
    page,
    pageSize,
    totalPages: Math.max(1, Math.ceil(total / pageSize)),
    items: rows.map((row) => ({
      id: row.id,
      journalId: row.journal.id,
      type: row.journal.type,
      reference: row.journal.reference,
      description: row.journal.description,
      amount: row.amount,
      balanceAfter: row.balanceAfter,
      createdAt: row.createdAt,
    })),
  };
}

/** A merchant's balances for the REST and page edges, which do not hold a database handle. */
export async function merchantBalance(merchantId: string) {
  return balanceOf(db, merchantId);
}
