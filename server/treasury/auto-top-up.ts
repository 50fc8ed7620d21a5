// Auto top-up: when a merchant with an active mandate is below its threshold, pull
// `target − available` (within the monthly cap) by direct debit. The debit is a deposit like any
// other and is credited when its payment callback arrives. Its `openKey` (DEBIT:<mandate>) lets
// only one debit be open per mandate, so concurrent worker ticks create one debit per dip.
import { recordAudit } from "../audit";
import { db, transaction } from "../db";
import { createDeposit } from "../deposits/create-deposit";
import { expireDepositInTx } from "../deposits/expire-deposit";
import { notifyMerchant } from "../notifications/notify-merchant";
import { isAppError } from "../errors";
import { balanceOf } from "../ledger";
import { directDebitProvider } from "../providers";
import type { WebhookTransport } from "../providers/types";
import { wibDay, wibDayStart } from "../../lib/format";

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
  const debits = directDebitProvider(transport);
  const results: AutoTopUpResult[] = [];
  for (const mandate of mandates) {
    const { available } = await balanceOf(db, mandate.merchantId);
    if (available >= mandate.merchant.lowBalanceThreshold!) continue;

    const room = mandate.monthlyCap - (await monthlyDebited(mandate.id, now));
    const wanted = mandate.targetBalance - available;
    const amount = wanted < room ? wanted : room;
    if (amount <= 0n) {
      results.push({ mandateId: mandate.id, outcome: "cap_reached" });
      continue;
    }
    const deposit = await createDeposit({
      merchantId: mandate.merchantId,
      method: "DIRECT_DEBIT",
      amount,
      actor: { type: "WORKER" },
      now,
      directDebit: { mandateId: mandate.id, provider: debits },
    }).catch((error: unknown) => {
      // Open already, or a concurrent tick opened it first.
      if ((isAppError(error) && error.code === "CONFLICT") || (error as { code?: string }).code === "P2002") return null;
      throw error;
    });
    if (!deposit) {
      results.push({ mandateId: mandate.id, outcome: "already_open" });
      continue;
    }
    // The debit's openKey is ours now: any earlier debit of this mandate is closed, and if it was
    // paid its credit committed with the closing. A tick that read the balance before that credit
    // would pull a second time for the same dip; read again, and stand down if it is covered.
    if ((await balanceOf(db, mandate.merchantId)).available >= mandate.merchant.lowBalanceThreshold!) {
      await transaction((tx) => expireDepositInTx(tx, deposit, "cancelled", { type: "WORKER" }));
      results.push({ mandateId: mandate.id, outcome: "already_open" });
      continue;
    }
    const debit = await debits.debit({ depositId: deposit.id, accountNumber: mandate.accountNumber, amount });
    if (debit.ok) {
      results.push({ mandateId: mandate.id, outcome: "debited" });
      continue;
    }
    // Refused: stop using this mandate until the merchant looks at it; no retry storm.
    await transaction(async (tx) => {
      await expireDepositInTx(tx, deposit, "failed", { type: "PROVIDER", id: debits.name });
      await tx.directDebitMandate.updateMany({ where: { id: mandate.id, status: "active" }, data: { status: "failing", failureReason: debit.reason } });
      await notifyMerchant(tx, { merchantId: mandate.merchantId, type: "mandate.failing", title: "Auto top-up gagal / Auto top-up failed", body: debit.reason });
      await recordAudit(tx, { actor: { type: "WORKER" }, action: "mandate.failing", targetType: "mandate", targetId: mandate.id, merchantId: mandate.merchantId, metadata: { reason: debit.reason } });
    });
    results.push({ mandateId: mandate.id, outcome: "refused" });
  }
  return results;
}
