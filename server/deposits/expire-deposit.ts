// pending → expired: by the clock (worker, or on read), by the provider saying the charge expired,
// by the merchant's cancel, or because the provider refused or failed the charge. Guarded, so it
// never touches a paid deposit. `expiredReason` keeps which, so that only a clock expiry can still
// be paid by an in-time payment reported late (mark-deposit-paid.ts).
import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import { db, type Deposit, transaction, type Tx } from "../db";
import { notifyDepositStatus } from "../live/notify-deposit-status";
import { enqueueDepositEvent } from "./deposit-events";

export type ExpireReason = "expired" | "cancelled" | "failed";

/**
 * `byProvider`: the provider's status says the charge expired, which is final even while Saldo's
 * own clock has not reached `expiredAt` yet.
 */
export async function expireDepositInTx(tx: Tx, deposit: Deposit, reason: ExpireReason, actor: Actor, now = new Date(), options: { byProvider?: boolean } = {}) {
  const byClock = reason === "expired" && !options.byProvider;
  const where = byClock ? { id: deposit.id, status: "pending", expiredAt: { lte: now } } : { id: deposit.id, status: "pending" };
  const { count } = await tx.deposit.updateMany({
    where,
    data: {
      status: "expired",
      openKey: null,
      expiredReason: reason,
      // A clock expiry keeps its last status check (a payment made just in time may be reported late).
      ...(byClock ? {} : { nextStatusCheckAt: null }),
      ...(reason === "cancelled" ? { cancelledAt: now } : {}),
    },
  });
  if (count === 0) return null;
  // Open pay pages hear of it once this transaction commits (LISTEN/NOTIFY on PostgreSQL).
  await notifyDepositStatus(tx, deposit.id);
  const expired = await tx.deposit.findUniqueOrThrow({ where: { id: deposit.id } });
  await enqueueDepositEvent(tx, expired, reason === "failed" ? "failed" : "expired");
  if (!byClock) {
    await recordAudit(tx, { actor, action: `deposit.${reason}`, targetType: "deposit", targetId: deposit.id, merchantId: deposit.merchantId });
  }
  return expired;
}

/** Expires a deposit whose time is up, if it is still pending. Returns the fresh row. */
export async function expireIfDue(deposit: Deposit, now = new Date()): Promise<Deposit> {
  if (deposit.status !== "pending" || deposit.expiredAt > now) return deposit;
  const expired = await transaction((tx) => expireDepositInTx(tx, deposit, "expired", { type: "SYSTEM" }, now));
  return expired ?? (await db.deposit.findUniqueOrThrow({ where: { id: deposit.id } }));
}

/** The worker's sweep: every pending deposit past its expiry, a batch at a time. */
export async function expireDueDeposits(now = new Date(), batch = 200): Promise<number> {
  const due = await db.deposit.findMany({ where: { status: "pending", expiredAt: { lte: now } }, take: batch, orderBy: { expiredAt: "asc" } });
  let expired = 0;
  for (const deposit of due) {
    if (await transaction((tx) => expireDepositInTx(tx, deposit, "expired", { type: "WORKER" }, now))) expired++;
  }
  return expired;
}
