// The other half of the live status feed (deposit-status-feed.ts): every transaction that changes
// a deposit's status calls this. On PostgreSQL it is NOTIFY on `saldo_deposit_status`, which the
// server delivers to every listening app process only when the transaction commits (and never
// when it rolls back); on SQLite it does nothing, since each process polls the watched deposits.
import { engine, type Tx } from "../db";

export const DEPOSIT_STATUS_CHANNEL = "saldo_deposit_status";

export async function notifyDepositStatus(tx: Tx, depositId: string): Promise<void> {
  if (engine !== "postgres") return;
  await tx.$executeRaw`SELECT pg_notify(${DEPOSIT_STATUS_CHANNEL}, ${depositId})`;
}
