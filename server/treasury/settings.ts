// The merchant's treasury settings and notifications.
import { recordAudit, type Actor } from "../audit";
import { db, transaction } from "../db";
import { AppError } from "../errors";
import { settlementCode } from "../ledger";
import { checkLowBalance } from "./low-balance";
import { listMandates } from "./mandates";
import { listSweepRules } from "./sweeps";

export async function treasuryOverview(merchantId: string) {
  const [merchant, settlement, mandates, rules] = await Promise.all([
    db.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { lowBalanceThreshold: true, lowBalanceAlerted: true } }),
    db.ledgerAccount.findUnique({ where: { code: settlementCode(merchantId) }, select: { balance: true } }),
    listMandates(merchantId),
    listSweepRules(merchantId),
  ]);
  return { threshold: merchant.lowBalanceThreshold, alerted: merchant.lowBalanceAlerted, settlementBalance: settlement?.balance ?? 0n, mandates, rules };
}

/** Sets (or clears, with null) the low-balance threshold, and checks the balance against it at once. */
export async function setLowBalanceThreshold(merchantId: string, threshold: bigint | null, actor: Actor) {
  if (threshold !== null && (threshold <= 0n || threshold > 1_000_000_000_000n)) throw new AppError("VALIDATION", "Ambang batas tidak valid / Invalid threshold");
  return transaction(async (tx) => {
    await tx.merchant.update({ where: { id: merchantId }, data: { lowBalanceThreshold: threshold, lowBalanceAlerted: false } });
    const outcome = await checkLowBalance(tx, merchantId);
    await recordAudit(tx, { actor, action: "treasury.threshold", targetType: "merchant", targetId: merchantId, merchantId, metadata: { threshold } });
    return { alerted: outcome === "alerted" };
  });
}

export async function listNotifications(merchantId: string, { page, pageSize }: { page: number; pageSize: number }) {
  const where = { merchantId };
  const [total, unread, items] = await Promise.all([
    db.notification.count({ where }),
    db.notification.count({ where: { merchantId, readAt: null } }),
    db.notification.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return { total, unread, page, pageSize, totalPages: Math.max(1, Math.ceil(total / pageSize)), items };
}

export async function unreadNotifications(merchantId: string) {
  return db.notification.count({ where: { merchantId, readAt: null } });
}

export async function markNotificationsRead(merchantId: string) {
  await transaction((tx) => tx.notification.updateMany({ where: { merchantId, readAt: null }, data: { readAt: new Date() } }));
}

/** The scheduled check (seed 001 suggests every 15 minutes), for every merchant with a threshold. */
export async function checkAllBalances(): Promise<number> {
  const merchants = await db.merchant.findMany({ where: { lowBalanceThreshold: { not: null } }, select: { id: true } });
  let alerts = 0;
  for (const m of merchants) if ((await transaction((tx) => checkLowBalance(tx, m.id))) === "alerted") alerts++;
  return alerts;
}
