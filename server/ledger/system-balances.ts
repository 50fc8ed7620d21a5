// What the system accounts hold, by type. Provider clearing and fee revenue are sharded
// (server/ledger/accounts.ts: `system:provider_clearing:<n>` beside the original
// `system:provider_clearing`), so a system balance is always the sum over every account of its
// type, never one row's balance.
import type { Db, Tx } from "../db";
import { ACCOUNT_TYPES } from "./accounts";

const SYSTEM_TYPES: readonly string[] = [
  ACCOUNT_TYPES.PROVIDER_CLEARING,
  ACCOUNT_TYPES.FEE_REVENUE,
  ACCOUNT_TYPES.PAYOUT_CLEARING,
  ACCOUNT_TYPES.PREPAID_SUPPLIER,
  ACCOUNT_TYPES.ADJUSTMENT,
];

/** Each system account type's balance (summed over its shards) and how many rows hold it. */
export async function systemBalances(reader: Db | Tx): Promise<Record<string, { balance: bigint; accounts: number }>> {
  const groups = await reader.ledgerAccount.groupBy({ by: ["type"], where: { type: { in: [...SYSTEM_TYPES] } }, _sum: { balance: true }, _count: { _all: true } });
  const result: Record<string, { balance: bigint; accounts: number }> = {};
  for (const type of SYSTEM_TYPES) result[type] = { balance: 0n, accounts: 0 };
  for (const group of groups) result[group.type] = { balance: group._sum.balance ?? 0n, accounts: group._count._all };
  return result;
}
