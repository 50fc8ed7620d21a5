// A fingerprint of the money-relevant tables — ledger journals, entries and holds, deposits,
// withdrawals, prepaid orders, outbox events — in one query, so a fuzz test can take it around
// every call and prove a refused call wrote nothing (row counts, and the latest update of the
// rows that change state in place).
import { db } from "../../server/db";

const PARTS = {
  journals: `SELECT COUNT(*) FROM "LedgerJournal"`,
  entries: `SELECT COUNT(*) FROM "LedgerEntry"`,
  holds: `SELECT COUNT(*) FROM "LedgerHold"`,
  pendingHolds: `SELECT COUNT(*) FROM "LedgerHold" WHERE "status" = 'PENDING'`,
  deposits: `SELECT COUNT(*) FROM "Deposit"`,
  depositsUpdated: `SELECT CAST(MAX("updatedAt") AS TEXT) FROM "Deposit"`,
  withdrawals: `SELECT COUNT(*) FROM "Withdrawal"`,
  withdrawalsUpdated: `SELECT CAST(MAX("updatedAt") AS TEXT) FROM "Withdrawal"`,
  prepaidOrders: `SELECT COUNT(*) FROM "PrepaidOrder"`,
  prepaidOrdersUpdated: `SELECT CAST(MAX("updatedAt") AS TEXT) FROM "PrepaidOrder"`,
  outboxEvents: `SELECT COUNT(*) FROM "OutboxEvent"`,
} as const;

export type MoneySnapshot = Record<keyof typeof PARTS, string>;
export type MoneyTable = keyof MoneySnapshot;

const SQL = `SELECT ${Object.entries(PARTS)
  .map(([name, sql]) => `(${sql}) AS "${name}"`)
  .join(", ")}`;

export async function moneySnapshot(): Promise<MoneySnapshot> {
  const [row] = await db.$queryRawUnsafe<Record<string, unknown>[]>(SQL);
  return Object.fromEntries(Object.keys(PARTS).map((k) => [k, row?.[k] === null || row?.[k] === undefined ? "" : String(row[k])])) as MoneySnapshot;
}

/** The parts that differ between two snapshots (ignoring `except`), e.g. ["deposits", "depositsUpdated"]. */
export function changedTables(before: MoneySnapshot, after: MoneySnapshot, except: MoneyTable[] = []): MoneyTable[] {
  return (Object.keys(PARTS) as MoneyTable[]).filter((k) => !except.includes(k) && before[k] !== after[k]);
}
