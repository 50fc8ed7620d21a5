// A payer starts paying a link: the deposit (QRIS or VA) for the chosen method and amount, linked
// to the link, so crediting, callbacks, receipts and the ledger work as for any deposit.
//
// Single use: one payment at a time, and none after one was paid. Attempt n of a link is the
// deposit with the idempotency key `paylink/<id>/<n>` (unique per merchant; `/` never occurs in a
// REST or portal key), so concurrent payers converge on one deposit: the same method and amount
// reuse it, another is refused while it is open. Only when attempt n closed unpaid (expired,
// cancelled, failed) does a guarded update move the link to attempt n + 1. A payment that still
// arrives for a closed attempt (reported late, paid before its expiry) is credited all the same;
// the link is completed once (record-link-payment.ts).
import type { Actor } from "../audit";
import { db, type Deposit, type PaymentLink } from "../db";
import { createDeposit } from "../deposits/create-deposit";
import { expireIfDue } from "../deposits/expire-deposit";
import { quote } from "../deposits/methods";
import { AppError, isAppError } from "../errors";
import { positiveRupiah } from "../ledger";
import { linkNotFound } from "./find-payment-links";
import { isPaymentLinkIdShape } from "./link-id";
import { effectiveLinkStatus, LINK_METHOD_CODES } from "./views";

export type StartLinkPaymentInput = {
  linkId: string;
  method: string;
  /** Open-amount links: what the payer chose; ignored for a fixed amount. */
  amount?: bigint | number | string | null;
  /** Multiple-use links: the payer's form key, so a double click opens one deposit. */
  payerKey?: string;
  actor?: Actor;
  now?: Date;
};

const rupiahText = (amount: bigint) => `Rp ${new Intl.NumberFormat("id-ID").format(amount)}`;

const refusedFor: Record<string, () => AppError> = {
  completed: () => new AppError("INVALID_STATE", "Link ini sudah dibayar / This link has already been paid", { linkStatus: "completed" }),
  inactive: () => new AppError("INVALID_STATE", "Link ini sudah tidak aktif / This link is no longer active", { linkStatus: "inactive" }),
  expired: () => new AppError("INVALID_STATE", "Link ini sudah kedaluwarsa / This link has expired", { linkStatus: "expired" }),
};

const paymentInProgress = (open: Deposit) =>
  new AppError(
    "CONFLICT",
    "Pembayaran lain untuk link ini sedang berjalan; selesaikan atau tunggu sampai kedaluwarsa / Another payment of this link is in progress; finish it or wait until it expires",
    { expiresAt: open.expiredAt.toISOString() },
  );

/** The amount this payment is for: the link's fixed amount, or the payer's within the link's range. */
function amountFor(link: PaymentLink, chosen: StartLinkPaymentInput["amount"]): bigint {
  if (link.amount !== null) return link.amount;
  if (chosen === undefined || chosen === null || chosen === "") throw new AppError("VALIDATION", "Nominal wajib diisi / Enter an amount");
  const amount = positiveRupiah(chosen);
  const min = link.minAmount ?? 1n;
  const max = link.maxAmount ?? amount;
  if (amount < min || amount > max) {
    throw new AppError("VALIDATION", `Nominal harus antara ${rupiahText(min)} dan ${rupiahText(max)} / The amount must be between ${rupiahText(min)} and ${rupiahText(max)}`, {
      min: min.toString(),
      max: max.toString(),
    });
  }
  return amount;
}

export async function startLinkPayment(input: StartLinkPaymentInput): Promise<Deposit> {
  if (!isPaymentLinkIdShape(input.linkId)) throw linkNotFound();
  let link = await db.paymentLink.findUnique({ where: { id: input.linkId } });
  if (!link) throw linkNotFound();
  const status = effectiveLinkStatus(link, input.now);
  if (status !== "active") throw refusedFor[status]!();
  if (!(LINK_METHOD_CODES as readonly string[]).includes(input.method)) {
    throw new AppError("VALIDATION", `Metode tidak tersedia untuk link: ${input.method} / Choose QRIS or a virtual account`);
  }
  const amount = amountFor(link, input.amount);
  quote(input.method, amount); // the method's own limits, with its message (a VA starts at Rp 10.000)
  const actor = input.actor ?? { type: "SYSTEM", id: "payment-link" };
  const open = (idempotencyKey: string | undefined) =>
    createDeposit({ merchantId: link!.merchantId, method: input.method, amount, channel: "topup", actor, idempotencyKey, paymentLinkId: link!.id, now: input.now });

  if (!link.singleUse) return open(input.payerKey ? `paylink/${link.id}/payer/${input.payerKey}` : undefined);

  for (let round = 0; round < 10; round++) {
    const key = `paylink/${link.id}/${link.paymentSeq}`;
    const current = await db.deposit.findUnique({ where: { merchantId_idempotencyKey: { merchantId: link.merchantId, idempotencyKey: key } } });
    if (!current) {
      try {
        return await open(key);
      } catch (error) {
        // A concurrent payer opened this attempt first with another method or amount.
        if (isAppError(error) && error.details?.idempotencyKeyReused) {
          const twin = await db.deposit.findUnique({ where: { merchantId_idempotencyKey: { merchantId: link.merchantId, idempotencyKey: key } } });
          if (twin) throw paymentInProgress(twin);
        }
        throw error;
      }
    }
    const fresh = await expireIfDue(current, input.now);
    if (fresh.status === "paid") throw refusedFor.completed!();
    if (fresh.status === "pending") {
      if (fresh.method === input.method && fresh.amount === amount) return fresh;
      throw paymentInProgress(fresh);
    }
    // Attempt n closed unpaid: the next payer gets attempt n + 1 (one of concurrent payers moves it).
    await db.paymentLink.updateMany({ where: { id: link.id, paymentSeq: link.paymentSeq }, data: { paymentSeq: link.paymentSeq + 1 } });
    link = await db.paymentLink.findUniqueOrThrow({ where: { id: link.id } });
    const now = effectiveLinkStatus(link, input.now);
    if (now !== "active") throw refusedFor[now]!();
  }
  throw new AppError("CONFLICT", "Link sedang sibuk, coba lagi / The link is busy, try again");
}
