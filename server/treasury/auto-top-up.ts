// Auto top-up: when a merchant with an active mandate is below its threshold, pull
// `target − available` (within the monthly cap) by direct debit. The debit is a deposit like any
// other and is credited when its payment callback arrives. Its `openKey` (DEBIT:<mandate>) lets
// only one debit be open per mandate, so concurrent worker ticks create one debit per dip.
import { recordAudit } from "../audit";
import { db, transaction } from "../db";
import { expireDepositInTx } from "../deposits/expire-deposit";
import { sandboxDirectDebit } from "../providers/sandbox/direct-debit";
import type { WebhookTransport } from "../providers/sandbox";
import { wibDay, wibDayStart } from "../../lib/format";

const DEBIT_EXPIRY_MINUTES = 60;

function monthStart(now: Date): Date {
  return wibDayStart(`${wibDay(now).slice(0, 7)}-01`);
}

export async function monthlyDebited(mandateId: string, now = new Date()): Promise<bigint> {
  const sum = await db.deposit.aggregate({
    where: { mandateId, method: "DIRECT_DEBIT", status: { in: ["pending", "paid"] }, createdAt: { gte: monthStart(now) } },
    _sum: { total: true },
  });
  return sum._sum.total ?? 0n;
}

export type AutoTopUpResult = { mandateId: string; outcome: "debited" | "refused" | "cap_reached" | "already_open" };

export async function runAutoTopUps(transport?: WebhookTransport, now = new Date()): Promise<AutoTopUpResult[]> {
  const mandates = await db.directDebitMandate.findMany({
    where: { status: "active", merchant: { lowBalanceThreshold: { not: null }, status: "ACTIVE" } },
    include: { merchant: { select: { lowBalanceThreshold: true } } },
  });
  const results: AutoTopUpResult[] = [];
  for (const mandate of mandates) {
    const wallet = await db.ledgerAccount.findUnique({ where: { code: `merchant:${mandate.merchantId}:wallet` }, select: { balance: true } });
    const available = wallet?.balance ?? 0n;
    if (available >= mandate.merchant.lowBalanceThreshold!) continue;

    const room = mandate.monthlyCap - (await monthlyDebited(mandate.id, now));
    const wanted = mandate.targetBalance - available;
    const amount = wanted < room ? wanted : room;
    if (amount <= 0n) {
      results.push({ mandateId: mandate.id, outcome: "cap_reached" });
      continue;
    }
    const deposit = await transaction(async (tx) => {
      const open = await tx.deposit.findUnique({ where: { openKey: `DEBIT:${mandate.id}` } });
      if (open) return null;
      return tx.deposit.create({
        data: {
          merchantId: mandate.merchantId,
          method: "DIRECT_DEBIT",
          amount,
          fee: 0n,
          total: amount,
          creditAmount: amount,
          provider: "sandbox",
          mandateId: mandate.id,
          providerRef: `sbx_dd_${mandate.id}`,
          openKey: `DEBIT:${mandate.id}`,
          expiredAt: new Date(now.getTime() + DEBIT_EXPIRY_MINUTES * 60_000),
        },
      });
    }).catch((error: { code?: string }) => {
      if (error.code === "P2002") return null; // a concurrent tick opened it
      throw error;
    });
    if (!deposit) {
      results.push({ mandateId: mandate.id, outcome: "already_open" });
      continue;
    }
    const debit = await sandboxDirectDebit({ depositId: deposit.id, accountNumber: mandate.accountNumber, amount }, transport);
    if (debit.ok) {
      results.push({ mandateId: mandate.id, outcome: "debited" });
      continue;
    }
    // Refused: stop using this mandate until the merchant looks at it; no retry storm.
    await transaction(async (tx) => {
      await expireDepositInTx(tx, deposit, "failed", { type: "PROVIDER", id: "sandbox" });
      await tx.directDebitMandate.updateMany({ where: { id: mandate.id, status: "active" }, data: { status: "failing", failureReason: debit.reason } });
      await tx.notification.create({
        data: { merchantId: mandate.merchantId, type: "mandate.failing", title: "Auto top-up gagal / Auto top-up failed", body: debit.reason },
      });
      await recordAudit(tx, { actor: { type: "WORKER" }, action: "mandate.failing", targetType: "mandate", targetId: mandate.id, merchantId: mandate.merchantId, metadata: { reason: debit.reason } });
    });
    results.push({ mandateId: mandate.id, outcome: "refused" });
  }
  return results;
}
