// A merchant creates a payment link: a fixed amount, or an open amount between a minimum and a
// maximum, with a description, an optional expiry, and single or multiple use. The caller's
// idempotency key (REST Idempotency-Key, the portal form's key) is written on the link in the
// creating transaction (unique per merchant): a repeat answers the link it made.
import { recordAudit, type Actor } from "../audit";
import { db, type PaymentLink, transaction, type Tx } from "../db";
import { AppError } from "../errors";
import { MAX_AMOUNT } from "../ledger/amount";
import { newPaymentLinkId } from "./link-id";
import { DESCRIPTION_MAX } from "./schemas";
import { linkMethods } from "./views";

/** How far ahead a link may expire: a year. */
const MAX_LIFETIME_MS = 366 * 24 * 60 * 60_000;

export type CreatePaymentLinkInput = {
  merchantId: string;
  /** The fixed amount; leave out (or null) for an open amount with `minAmount` and `maxAmount`. */
  amount?: bigint | null;
  minAmount?: bigint | null;
  maxAmount?: bigint | null;
  description: string;
  expiresAt?: Date | null;
  singleUse?: boolean;
  actor: Actor;
  idempotencyKey?: string;
  now?: Date;
};

const rupiahText = (amount: bigint) => `Rp ${new Intl.NumberFormat("id-ID").format(amount)}`;
const invalid = (message: string) => new AppError("VALIDATION", message);

type LinkTerms = Pick<PaymentLink, "amount" | "minAmount" | "maxAmount" | "description" | "expiresAt" | "singleUse">;

/** The link's terms, checked: exactly one of a fixed amount or a min–max range, payable by some method, expiring in the future. */
export function linkTerms(input: CreatePaymentLinkInput): LinkTerms {
  const now = input.now ?? new Date();
  const description = input.description.trim();
  if (!description) throw invalid("Deskripsi wajib diisi / description is required");
  if (description.length > DESCRIPTION_MAX) throw invalid(`Deskripsi paling panjang ${DESCRIPTION_MAX} karakter / description is at most ${DESCRIPTION_MAX} characters`);
  const fixed = input.amount ?? null;
  const min = input.minAmount ?? null;
  const max = input.maxAmount ?? null;
  if (fixed !== null && (min !== null || max !== null)) {
    throw invalid("Isi nominal tetap atau rentang min–max, bukan keduanya / Give a fixed amount or a min–max range, not both");
  }
  if (fixed === null && (min === null || max === null)) {
    throw invalid("Isi nominal tetap, atau nominal minimum dan maksimum / Give a fixed amount, or both a minimum and a maximum amount");
  }
  for (const value of [fixed, min, max]) {
    if (value !== null && (value <= 0n || value > MAX_AMOUNT)) throw invalid("Nominal harus bilangan bulat rupiah lebih dari 0 / Amounts must be whole rupiah above 0");
  }
  if (min !== null && max !== null && min > max) throw invalid("Nominal minimum lebih besar dari maksimum / The minimum amount is above the maximum");
  // Some method (QRIS or a VA) must accept an amount of the link, or nobody could pay it.
  const low = fixed ?? min!;
  const high = fixed ?? max!;
  const methods = linkMethods();
  if (!methods.some((m) => m.min <= high && m.max >= low)) {
    const floor = methods.reduce((a, m) => (m.min < a ? m.min : a), methods[0]?.min ?? 1n);
    const ceiling = methods.reduce((a, m) => (m.max > a ? m.max : a), 0n);
    throw invalid(
      `Nominal harus antara ${rupiahText(floor)} dan ${rupiahText(ceiling)} agar bisa dibayar dengan QRIS atau VA / Amounts must be between ${rupiahText(floor)} and ${rupiahText(ceiling)} to be payable by QRIS or a VA`,
    );
  }
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt) {
    if (Number.isNaN(expiresAt.getTime())) throw invalid("Waktu kedaluwarsa tidak valid / expires_at is not a valid time");
    if (expiresAt <= now) throw invalid("Waktu kedaluwarsa harus di masa depan / expires_at must be in the future");
    if (expiresAt.getTime() - now.getTime() > MAX_LIFETIME_MS) throw invalid("Waktu kedaluwarsa paling lama satu tahun lagi / expires_at is at most a year ahead");
  }
  return { amount: fixed, minAmount: min, maxAmount: max, description, expiresAt, singleUse: input.singleUse ?? false };
}

const sameTerms = (a: LinkTerms, b: LinkTerms) =>
  a.amount === b.amount && a.minAmount === b.minAmount && a.maxAmount === b.maxAmount && a.description === b.description && a.singleUse === b.singleUse && a.expiresAt?.getTime() === b.expiresAt?.getTime();

async function linkForKey(tx: Tx, merchantId: string, idempotencyKey: string | undefined, terms: LinkTerms): Promise<PaymentLink | null> {
  if (!idempotencyKey) return null;
  const earlier = await tx.paymentLink.findUnique({ where: { merchantId_idempotencyKey: { merchantId, idempotencyKey } } });
  if (!earlier) return null;
  if (!sameTerms(earlier, terms)) {
    throw new AppError("CONFLICT", "Kunci idempotensi ini sudah dipakai untuk link lain / This idempotency key was already used for another payment link", { idempotencyKeyReused: true });
  }
  return earlier;
}

export async function createPaymentLink(input: CreatePaymentLinkInput): Promise<PaymentLink> {
  const terms = linkTerms(input);
  const merchant = await db.merchant.findUnique({ where: { id: input.merchantId }, select: { status: true } });
  if (!merchant) throw new AppError("NOT_FOUND", "Merchant not found");
  if (merchant.status !== "ACTIVE") throw new AppError("FORBIDDEN", "Merchant ditangguhkan / Merchant is suspended");
  return transaction(async (tx) => {
    // A twin with the same key that inserted first makes this insert fail on the unique index;
    // `transaction` retries and the retry finds the twin's link here.
    const earlier = await linkForKey(tx, input.merchantId, input.idempotencyKey, terms);
    if (earlier) return earlier;
    const link = await tx.paymentLink.create({ data: { id: newPaymentLinkId(), merchantId: input.merchantId, ...terms, idempotencyKey: input.idempotencyKey } });
    await recordAudit(tx, {
      actor: input.actor,
      action: "payment_link.create",
      targetType: "payment_link",
      targetId: link.id,
      merchantId: input.merchantId,
      metadata: { amount: terms.amount, minAmount: terms.minAmount, maxAmount: terms.maxAmount, singleUse: terms.singleUse },
    });
    return link;
  });
}
