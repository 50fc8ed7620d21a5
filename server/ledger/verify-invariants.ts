// The ledger's promises, checked from the raw rows: every journal balances, every cached
// balance equals the sum of its entries, no merchant account is negative, each hold account
// carries exactly its pending holds, every system account shard is what its code says, and all
// balances together sum to zero. `systemBalances` reports each system type summed over its shards.
import type { Db } from "../db";
import { ACCOUNT_TYPES, mayGoNegative, systemShardOf } from "./accounts";
import { systemBalances } from "./system-balances";

export async function verifyInvariants(
  db: Db,
): Promise<{ ok: boolean; problems: string[]; checked: Record<string, number>; systemBalances: Record<string, { balance: bigint; accounts: number }> }> {
  const problems: string[] = [];

  const journals = await db.ledgerEntry.groupBy({ by: ["journalId"], _sum: { amount: true }, _count: { _all: true } });
  for (const j of journals) {
    const sum = j._sum.amount ?? 0n;
    if (sum !== 0n) problems.push(`journal ${j.journalId} does not balance: entries sum to ${sum}`);
    if (j._count._all < 2) problems.push(`journal ${j.journalId} has only ${j._count._all} entry`);
  }
  const journalCount = await db.ledgerJournal.count();
  if (journalCount !== journals.length) problems.push(`${journalCount - journals.length} journal(s) have no entries`);

  const sums = new Map(
    (await db.ledgerEntry.groupBy({ by: ["accountId"], _sum: { amount: true } })).map((s) => [s.accountId, s._sum.amount ?? 0n]),
  );
  const accounts = await db.ledgerAccount.findMany({ select: { id: true, code: true, type: true, balance: true, merchantId: true } });
  for (const account of accounts) {
    const expected = sums.get(account.id) ?? 0n;
    if (account.balance !== expected) {
      problems.push(`account ${account.code}: cached balance ${account.balance} but entries sum to ${expected}`);
    }
    if (!mayGoNegative(account.type) && account.balance < 0n) problems.push(`account ${account.code} is negative: ${account.balance}`);
    // A shard's id is its code (post-journal addresses it by id without a lookup) and fixes its type.
    const shard = systemShardOf(account.code);
    if (shard && (account.id !== account.code || account.type !== shard.type || account.merchantId !== null)) {
      problems.push(`account ${account.code}: a system account shard must have id = code, type ${shard.type} and no merchant`);
    }
  }
  // Every journal sums to zero and every account to its entries, so all balances together do too.
  const total = accounts.reduce((sum, account) => sum + account.balance, 0n);
  if (total !== 0n) problems.push(`account balances sum to ${total}, not 0`);

  const pending = new Map(
    (await db.ledgerHold.groupBy({ by: ["merchantId"], where: { status: "PENDING" }, _sum: { amount: true } })).map((h) => [
      h.merchantId,
      h._sum.amount ?? 0n,
    ]),
  );
  for (const account of accounts.filter((a) => a.type === ACCOUNT_TYPES.MERCHANT_HOLD)) {
    const expected = pending.get(account.merchantId ?? "") ?? 0n;
    if (account.balance !== expected) {
      problems.push(`account ${account.code}: holds ${account.balance} but pending holds add up to ${expected}`);
    }
  }

  return { ok: problems.length === 0, problems, checked: { journals: journals.length, accounts: accounts.length }, systemBalances: await systemBalances(db) };
}
