// The worker's low-balance sweep over every merchant with a threshold.
import { db, transaction } from "../db";
import { checkLowBalance } from "./low-balance";

/** The scheduled check (seed 001 suggests every 15 minutes), for every merchant with a threshold. */
export async function checkAllBalances(): Promise<number> {
  const merchants = await db.merchant.findMany({ where: { lowBalanceThreshold: { not: null } }, select: { id: true } });
  let alerts = 0;
  for (const m of merchants) if ((await transaction((tx) => checkLowBalance(tx, m.id))) === "alerted") alerts++;
  return alerts;
}
