import { db as sharedDb, type Db, type Tx } from "../db";
import { AppError } from "../errors";

/**
 * One journal with its entries, if it touches one of this merchant's accounts. Any other
 * journal is "not found", so its existence is never revealed to another merchant.
 */
export async function findJournalForMerchant(merchantId: string, journalId: string, db: Db | Tx = sharedDb) {
  const journal = await db.ledgerJournal.findFirst({
    where: { id: journalId, entries: { some: { account: { merchantId } } } },
    include: { entries: { include: { account: { select: { code: true, type: true, merchantId: true } } }, orderBy: { id: "asc" } } },
  });
  if (!journal) throw new AppError("NOT_FOUND", "Transaksi tidak ditemukan / Transaction not found");
  // The merchant sees its own lines; the system side is summarised by type only.
  return {
    ...journal,
    entries: journal.entries.map((e) => ({
      id: e.id,
      amount: e.amount,
      balanceAfter: e.account.merchantId === merchantId ? e.balanceAfter : null,
      accountType: e.account.type,
      own: e.account.merchantId === merchantId,
    })),
  };
}
