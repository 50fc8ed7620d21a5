// Opens a deposit: a bank-transfer ticket with a unique total, or a VA / QRIS charge from the
// provider. Open totals and VA numbers are kept distinct by a unique index (`openKey`), so
// concurrent requests never share one; a collision is retried with a fresh pick.
import { randomInt } from "node:crypto";
import { recordAudit, type Actor } from "../audit";
import { db, transaction } from "../db";
import { AppError } from "../errors";
import type { Deposit } from "../generated/sqlite/client";
import { positiveRupiah } from "../ledger";
import { chargeProvider } from "../providers";
import { expireDepositInTx } from "./expire-deposit";
import { quote, type MethodCode } from "./methods";

export const UNIQUE_CODE_MAX = 999;

export type CreateDepositInput = {
  merchantId: string;
  method: MethodCode | string;
  amount: bigint | number | string;
  channel?: "topup" | "invoice";
  actor: Actor;
  now?: Date;
};

async function activeMerchant(merchantId: string) {
  const merchant = await db.merchant.findUnique({ where: { id: merchantId }, select: { businessName: true, status: true } });
  if (!merchant) throw new AppError("NOT_FOUND", "Merchant not found");
  if (merchant.status !== "ACTIVE") throw new AppError("FORBIDDEN", "Merchant ditangguhkan / Merchant is suspended");
  return merchant;
}

async function createTicket(input: CreateDepositInput, amount: bigint, fee: bigint, expiredAt: Date): Promise<Deposit> {
  return transaction(async (tx) => {
    // Choose among the codes no open ticket of this amount uses; a concurrent twin that
    // picks the same one loses on the unique index and `transaction` retries with a new pick.
    const base = amount + fee;
    const taken = await tx.deposit.findMany({
      where: { openKey: { not: null }, method: "BANK_TRANSFER", total: { gt: base, lte: base + BigInt(UNIQUE_CODE_MAX) } },
      select: { total: true },
    });
    const used = new Set(taken.map((t) => Number(t.total - base)));
    if (used.size >= UNIQUE_CODE_MAX) {
      throw new AppError("CONFLICT", "Terlalu banyak tiket terbuka untuk nominal ini; coba nominal lain / Too many open tickets for this amount; try another amount");
    }
    let code = randomInt(1, UNIQUE_CODE_MAX + 1);
    while (used.has(code)) code = (code % UNIQUE_CODE_MAX) + 1;
    const total = base + BigInt(code);
    const deposit = await tx.deposit.create({
      data: {
        merchantId: input.merchantId,
        method: "BANK_TRANSFER",
        channel: input.channel ?? "topup",
        amount,
        uniqueCode: code,
        fee,
        total,
        creditAmount: amount + BigInt(code),
        provider: "bank",
        openKey: `TICKET:${total}`,
        expiredAt,
      },
    });
    await recordAudit(tx, { actor: input.actor, action: "deposit.create", targetType: "deposit", targetId: deposit.id, merchantId: input.merchantId });
    return deposit;
  });
}

async function createCharge(input: CreateDepositInput, method: MethodCode, amount: bigint, fee: bigint, expiredAt: Date, merchantName: string) {
  const provider = chargeProvider();
  const deposit = await transaction(async (tx) => {
    const created = await tx.deposit.create({
      data: { merchantId: input.merchantId, method, channel: input.channel ?? "topup", amount, fee, total: amount + fee, creditAmount: amount, provider: provider.name, expiredAt },
    });
    await recordAudit(tx, { actor: input.actor, action: "deposit.create", targetType: "deposit", targetId: created.id, merchantId: input.merchantId });
    return created;
  });
  // The provider call happens outside any transaction: a slow gateway must not hold locks.
  for (let attempt = 1; ; attempt++) {
    try {
      const charge = await provider.createCharge({ depositId: deposit.id, method, total: deposit.total, expiresAt: expiredAt, merchantName });
      return await transaction((tx) =>
        tx.deposit.update({
          where: { id: deposit.id },
          data: { providerRef: charge.providerRef, vaNumber: charge.vaNumber, qrisPayload: charge.qrisPayload, openKey: charge.vaNumber ? `VA:${charge.vaNumber}` : `CHARGE:${deposit.id}` },
        }),
      );
    } catch (error) {
      const vaTaken = (error as { code?: string }).code === "P2002";
      if (vaTaken && attempt < 5) continue;
      await transaction((tx) => expireDepositInTx(tx, deposit, "failed", { type: "PROVIDER", id: provider.name }));
      throw new AppError("CONFLICT", "Penyedia pembayaran gagal membuat tagihan; coba lagi / The payment provider could not create the charge; try again");
    }
  }
}

export async function createDeposit(input: CreateDepositInput): Promise<Deposit> {
  const amount = positiveRupiah(input.amount);
  const { method, fee } = quote(input.method, amount);
  const merchant = await activeMerchant(input.merchantId);
  const expiredAt = new Date((input.now ?? new Date()).getTime() + method.expiryMinutes * 60_000);
  if (method.code === "BANK_TRANSFER") return createTicket(input, amount, fee, expiredAt);
  return createCharge(input, method.code, amount, fee, expiredAt, merchant.businessName);
}
