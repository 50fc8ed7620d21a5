// A merchant asks to withdraw: the amount plus the method's fee is reserved at once through a
// ledger hold (the available balance drops now, as seed 003's `new_balance` shows), and the
// request waits for an admin — or is approved straight away when the merchant's auto-approve
// limit covers it. A caller's idempotency key (REST Idempotency-Key, the portal form's key) is
// written on the withdrawal in the same transaction, under a unique (merchant, key) index: a
// repeat — a retry after a lost answer, a double click, a racing twin — finds that withdrawal and
// reserves nothing.
import { randomBytes } from "node:crypto";
import { actorLabel, recordAudit, type Actor } from "../audit";
import { db, transaction, type Withdrawal } from "../db";
import { AppError } from "../errors";
import { balanceOf, positiveRupiah, reserve } from "../ledger";
import type { PayoutProvider } from "../providers/types";
import { alertOnLowBalances } from "../treasury/low-balance";
import { withdrawalNeedsSecondAdmin } from "./approval-rule";
import { approveWithdrawal } from "./approve-withdrawal";
import { checkMethodAvailable } from "./available-methods";
import { checkAccountName, checkAccountNumber, DEFAULT_WITHDRAW_METHOD, quoteWithdrawal, withdrawMethod } from "./methods";

export type RequestWithdrawalInput = {
  merchantId: string;
  amount: bigint | number | string;
  /** `dana` when left out, as seed 003's request has no method. */
  method?: string;
  accountNumber: string;
  accountName: string;
  actor: Actor;
  /** The payout provider an auto-approval uses (tests pass their own). */
  payouts?: PayoutProvider;
  /** The caller's key for this request: a repeat with it answers the withdrawal it made (other details → CONFLICT). */
  idempotencyKey?: string;
};

export type RequestWithdrawalResult = {
  withdrawal: Withdrawal;
  /** The available balance right after the reservation (for a repeat: the available balance now). */
  newBalance: bigint;
  /** True when an earlier request with the same idempotency key made this withdrawal. */
  replayed?: boolean;
};

/** 24 hex characters like seed 003's ids: 4 bytes of seconds (so ids sort by time) and 8 random bytes. */
export function newWithdrawalId(now = new Date()): string {
  const seconds = Math.floor(now.getTime() / 1000).toString(16).padStart(8, "0");
  return `${seconds}${randomBytes(8).toString("hex")}`;
}

export async function requestWithdrawal(input: RequestWithdrawalInput): Promise<RequestWithdrawalResult> {
  const method = withdrawMethod(input.method ?? DEFAULT_WITHDRAW_METHOD);
  checkMethodAvailable(method, input.payouts);
  const amount = positiveRupiah(input.amount);
  const { fee, totalDeduct } = quoteWithdrawal(method, amount);
  const accountNumber = checkAccountNumber(method, input.accountNumber);
  const accountName = checkAccountName(input.accountName);
  const id = newWithdrawalId();

  const requested = await transaction(async (tx) => {
    const merchant = await tx.merchant.findUnique({ where: { id: input.merchantId }, select: { status: true, autoApproveWithdrawalsUpTo: true } });
    if (!merchant) throw new AppError("NOT_FOUND", "Merchant tidak ditemukan / Merchant not found");
    if (merchant.status !== "ACTIVE") throw new AppError("FORBIDDEN", "Merchant ditangguhkan / Merchant is suspended");
    if (input.idempotencyKey) {
      // A concurrent twin with the same key that commits first makes the insert below fail on the
      // unique index; `transaction` retries and the retry lands here.
      const existing = await tx.withdrawal.findUnique({ where: { merchantId_idempotencyKey: { merchantId: input.merchantId, idempotencyKey: input.idempotencyKey } } });
      if (existing) {
        const same = existing.amount === amount && existing.method === method.code && existing.accountNumber === accountNumber && existing.accountName === accountName;
        if (!same) {
          throw new AppError("CONFLICT", "Kunci idempotensi ini sudah dipakai untuk penarikan lain / This idempotency key was already used for another withdrawal", { idempotencyKeyReused: true });
        }
        return { withdrawal: existing, newBalance: (await balanceOf(tx, input.merchantId)).available, autoApproveUpTo: null, replayed: true };
      }
    }
    // Fails with INSUFFICIENT_FUNDS, changing nothing, when the available balance is short.
    const { hold, changedWallets } = await reserve(tx, {
      merchantId: input.merchantId,
      amount: totalDeduct,
      idempotencyKey: `withdraw:${id}`,
      reference: id,
      description: `Penarikan ${method.name} ${accountNumber}`,
      actor: actorLabel(input.actor),
    });
    await alertOnLowBalances(tx, changedWallets);
    const withdrawal = await tx.withdrawal.create({
      data: { id, merchantId: input.merchantId, amount, fee, totalDeduct, method: method.code, accountNumber, accountName, holdId: hold.id, idempotencyKey: input.idempotencyKey },
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: "withdraw.request",
      targetType: "withdrawal",
      targetId: id,
      merchantId: input.merchantId,
      metadata: { amount, fee, method: method.code, accountNumber },
    });
    const { available } = await balanceOf(tx, input.merchantId);
    return { withdrawal, newBalance: available, autoApproveUpTo: merchant.autoApproveWithdrawalsUpTo, replayed: false };
  });

  const { autoApproveUpTo } = requested;
  if (requested.replayed) return { withdrawal: requested.withdrawal, newBalance: requested.newBalance, replayed: true };
  // Auto-approval never stands in for maker-checker: a large withdrawal waits for two admins.
  if (autoApproveUpTo === null || amount > autoApproveUpTo || withdrawalNeedsSecondAdmin(amount)) return { withdrawal: requested.withdrawal, newBalance: requested.newBalance };

  // Auto-approval runs after the request committed: the request stands whatever the payout does.
  try {
    const decided = await approveWithdrawal({ withdrawalId: id, actor: { type: "SYSTEM", id: "auto-approve" }, payouts: input.payouts });
    // A refused payout gave the funds back; report the balance as it now is.
    const newBalance = decided.status === "rejected" ? (await balanceOf(db, input.merchantId)).available : requested.newBalance;
    return { withdrawal: decided, newBalance };
  } catch (error) {
    console.error(`Auto-approval of withdrawal ${id} did not finish:`, error);
    const current = await db.withdrawal.findUniqueOrThrow({ where: { id } });
    return { withdrawal: current, newBalance: requested.newBalance };
  }
}
