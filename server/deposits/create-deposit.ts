// Opens a deposit: a bank-transfer ticket with a unique total, or a VA / QRIS charge from the
// provider. Open totals and VA numbers are kept distinct by a unique index (`openKey`), so
// concurrent requests never share one; a collision is retried with a fresh pick. A direct
// debit (auto top-up) is opened here too, one at a time per mandate.
// A caller's idempotency key (REST Idempotency-Key, the portal form's key) is written on the
// deposit in the transaction that opens it (unique per merchant): a repeat finds that deposit.
// Bank-transfer tickets are capped per merchant and per amount (TICKET_MAX_OPEN_*), so no one
// merchant can hold every unique code of an amount.
import { randomInt } from "node:crypto";
import { recordAudit, type Actor } from "../audit";
import { db, engine, type Deposit, transaction, type Tx } from "../db";
import { ticketEnv } from "../env";
import { AppError } from "../errors";
import { positiveRupiah } from "../ledger";
import { depositProvider } from "../providers";
import { newDepositId } from "./deposit-id";
import type { Charge, DirectDebitProvider } from "../providers/types";
import { expireDepositInTx } from "./expire-deposit";
import { quote, type MethodCode } from "./methods";
import { nextStatusCheck } from "./status-check-schedule";

export const UNIQUE_CODE_MAX = 999;
const DIRECT_DEBIT_EXPIRY_MINUTES = 60;

export type CreateDepositInput = {
  merchantId: string;
  method: MethodCode | string;
  amount: bigint | number | string;
  channel?: "topup" | "invoice";
  actor: Actor;
  now?: Date;
  /** The caller's key for this request: a repeat with it answers the deposit it opened (other details → CONFLICT). */
  idempotencyKey?: string;
  /** A payment through a payment link (server/payment-links/start-link-payment.ts): the link it counts for. */
  paymentLinkId?: string;
  /** With method DIRECT_DEBIT: the mandate the money is pulled under, and the provider pulling it. */
  directDebit?: { mandateId: string; provider: Pick<DirectDebitProvider, "name" | "debitReference"> };
};

async function activeMerchant(merchantId: string) {
  const merchant = await db.merchant.findUnique({ where: { id: merchantId }, select: { businessName: true, status: true } });
  if (!merchant) throw new AppError("NOT_FOUND", "Merchant not found");
  if (merchant.status !== "ACTIVE") throw new AppError("FORBIDDEN", "Merchant ditangguhkan / Merchant is suspended");
  return merchant;
}

/** The deposit an earlier request with this idempotency key opened; the same key with other details is a CONFLICT. */
async function depositForKey(tx: Tx, input: CreateDepositInput, method: string, amount: bigint): Promise<Deposit | null> {
  if (!input.idempotencyKey) return null;
  const earlier = await tx.deposit.findUnique({ where: { merchantId_idempotencyKey: { merchantId: input.merchantId, idempotencyKey: input.idempotencyKey } } });
  if (!earlier) return null;
  if (earlier.method !== method || earlier.amount !== amount || earlier.channel !== (input.channel ?? "topup") || earlier.paymentLinkId !== (input.paymentLinkId ?? null)) {
    throw new AppError("CONFLICT", "Kunci idempotensi ini sudah dipakai untuk deposit lain / This idempotency key was already used for another deposit", { idempotencyKeyReused: true });
  }
  return earlier;
}

const rupiahText = (amount: bigint) => `Rp ${new Intl.NumberFormat("id-ID").format(amount)}`;

/**
 * Refuses a ticket past the merchant's caps on open tickets — in all, and for this amount. The
 * merchant's row is locked first on PostgreSQL (SQLite's transaction already holds the write
 * lock), so concurrent requests count one after another and cannot overshoot the cap together.
 */
async function checkOpenTicketCaps(tx: Tx, merchantId: string, amount: bigint, now: Date) {
  if (engine === "postgres") await tx.$queryRaw`SELECT id FROM "Merchant" WHERE id = ${merchantId} FOR UPDATE`;
  const open = { merchantId, method: "BANK_TRANSFER", openKey: { not: null }, expiredAt: { gt: now } };
  const perMerchant = ticketEnv.TICKET_MAX_OPEN_PER_MERCHANT;
  if ((await tx.deposit.count({ where: open })) >= perMerchant) {
    throw new AppError(
      "CONFLICT",
      `Sudah ada ${perMerchant} tiket transfer bank yang terbuka (batas); bayar atau batalkan salah satu dulu / ${perMerchant} bank-transfer tickets are already open (the limit); pay or cancel one first`,
      { limit: perMerchant, scope: "merchant" },
    );
  }
  const perAmount = ticketEnv.TICKET_MAX_OPEN_PER_AMOUNT;
  if ((await tx.deposit.count({ where: { ...open, amount } })) >= perAmount) {
    throw new AppError(
      "CONFLICT",
      `Sudah ada ${perAmount} tiket terbuka untuk nominal ${rupiahText(amount)} (batas); bayar atau batalkan salah satu, atau pakai nominal lain / ${perAmount} tickets for ${rupiahText(amount)} are already open (the limit); pay or cancel one, or use another amount`,
      { limit: perAmount, scope: "amount" },
    );
  }
}

async function createTicket(input: CreateDepositInput, amount: bigint, fee: bigint, expiredAt: Date): Promise<Deposit> {
  return transaction(async (tx) => {
    const earlier = await depositForKey(tx, input, "BANK_TRANSFER", amount);
    if (earlier) return earlier;
    await checkOpenTicketCaps(tx, input.merchantId, amount, input.now ?? new Date());
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
        id: newDepositId(),
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
        idempotencyKey: input.idempotencyKey,
      },
    });
    await recordAudit(tx, { actor: input.actor, action: "deposit.create", targetType: "deposit", targetId: deposit.id, merchantId: input.merchantId });
    return deposit;
  });
}

/** Thrown when the mandate already has an open debit (its `DEBIT:<mandate>` openKey is taken). */
const debitAlreadyOpen = () => new AppError("CONFLICT", "Debit untuk mandat ini masih terbuka / A debit is already open for this mandate");

// No fee and no method limits: the amount is what the mandate's rules asked for. The worker only
// opens debits for active merchants' mandates, so the merchant is not looked up again.
async function openDirectDebit(input: CreateDepositInput, directDebit: NonNullable<CreateDepositInput["directDebit"]>, amount: bigint): Promise<Deposit> {
  const { mandateId, provider } = directDebit;
  const openKey = `DEBIT:${mandateId}`;
  const expiredAt = new Date((input.now ?? new Date()).getTime() + DIRECT_DEBIT_EXPIRY_MINUTES * 60_000);
  return transaction(async (tx) => {
    // A concurrent twin that inserted first makes this insert fail on the unique openKey; the
    // retry of `transaction` then finds it here.
    if (await tx.deposit.findUnique({ where: { openKey } })) throw debitAlreadyOpen();
    return tx.deposit.create({
      data: {
        id: newDepositId(),
        merchantId: input.merchantId,
        method: "DIRECT_DEBIT",
        channel: input.channel ?? "topup",
        amount,
        fee: 0n,
        total: amount,
        creditAmount: amount,
        provider: provider.name,
        mandateId,
        providerRef: provider.debitReference(mandateId),
        openKey,
        expiredAt,
      },
    });
  });
}

async function createCharge(input: CreateDepositInput, method: MethodCode, amount: bigint, fee: bigint, expiredAt: Date, merchantName: string) {
  const provider = depositProvider();
  const found: { earlier?: Deposit | null } = {};
  const deposit = await transaction(async (tx) => {
    // A twin with the same key that inserted first makes the insert fail on the unique index;
    // `transaction` retries and the retry finds the twin's deposit here.
    found.earlier = await depositForKey(tx, input, method, amount);
    if (found.earlier) return found.earlier;
    const created = await tx.deposit.create({
      data: {
        id: newDepositId(),
        merchantId: input.merchantId,
        method,
        channel: input.channel ?? "topup",
        amount,
        fee,
        total: amount + fee,
        creditAmount: amount,
        provider: provider.name,
        expiredAt,
        idempotencyKey: input.idempotencyKey,
        paymentLinkId: input.paymentLinkId,
      },
    });
    await recordAudit(tx, { actor: input.actor, action: "deposit.create", targetType: "deposit", targetId: created.id, merchantId: input.merchantId });
    return created;
  });
  if (found.earlier) return chargeMadeBy(found.earlier);
  // The provider call happens outside any transaction: a slow gateway must not hold locks.
  const fail = async (error: unknown) => {
    console.warn(`[deposits] ${provider.name} could not create the charge for ${deposit.id}: ${error instanceof Error ? error.message : String(error)}`);
    await transaction(async (tx) => {
      await expireDepositInTx(tx, deposit, "failed", { type: "PROVIDER", id: provider.name });
      // Nothing usable was opened: the key is free again, so a retry with it opens a new charge.
      await tx.deposit.updateMany({ where: { id: deposit.id }, data: { idempotencyKey: null } });
    });
    return new AppError("CONFLICT", "Penyedia pembayaran gagal membuat tagihan; coba lagi / The payment provider could not create the charge; try again");
  };
  // A provider with a status API is asked about the charge later, in case its notification is lost.
  const nextStatusCheckAt = provider.hasStatusApi ? nextStatusCheck({ createdAt: deposit.createdAt, expiredAt }, new Date()) : null;
  const store = (charge: Charge, openKey: string) =>
    transaction((tx) =>
      tx.deposit.update({
        where: { id: deposit.id },
        data: { providerRef: charge.providerRef, vaNumber: charge.vaNumber, billerCode: charge.billerCode, qrisPayload: charge.qrisPayload, openKey, nextStatusCheckAt },
      }),
    );
  for (let attempt = 1; ; attempt++) {
    let charge: Charge;
    try {
      charge = await provider.createCharge({ depositId: deposit.id, method, total: deposit.total, expiresAt: expiredAt, merchantName });
    } catch (error) {
      throw await fail(error);
    }
    try {
      return await store(charge, charge.vaNumber ? `VA:${charge.vaNumber}` : `CHARGE:${deposit.id}`);
    } catch (error) {
      const vaTaken = (error as { code?: string }).code === "P2002";
      // A provider that keeps state (it has a status API) issued this number and will not issue
      // another for the same order: keep its number, keyed by the deposit instead.
      if (vaTaken && provider.hasStatusApi) {
        try {
          return await store(charge, `CHARGE:${deposit.id}`);
        } catch (again) {
          throw await fail(again);
        }
      }
      if (vaTaken && attempt < 5) continue;
      throw await fail(error);
    }
  }
}

/**
 * An earlier request's deposit, once its charge is made: a twin that is still asking the provider is
 * waited for (a few seconds at most); after that the deposit is answered as it stands.
 */
async function chargeMadeBy(earlier: Deposit): Promise<Deposit> {
  let current = earlier;
  for (let waited = 0; current.status === "pending" && current.openKey === null && waited < 10_000; waited += 200) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    current = (await db.deposit.findUnique({ where: { id: earlier.id } })) ?? current;
  }
  return current;
}

export async function createDeposit(input: CreateDepositInput): Promise<Deposit> {
  const amount = positiveRupiah(input.amount);
  if (input.method === "DIRECT_DEBIT" && input.directDebit) return openDirectDebit(input, input.directDebit, amount);
  const { method, fee } = quote(input.method, amount);
  const merchant = await activeMerchant(input.merchantId);
  const expiredAt = new Date((input.now ?? new Date()).getTime() + method.expiryMinutes * 60_000);
  if (method.code === "BANK_TRANSFER") return createTicket(input, amount, fee, expiredAt);
  return createCharge(input, method.code, amount, fee, expiredAt, merchant.businessName);
}
