// The deposits an admin may credit a reviewed payment to, offered first: the unpaid (pending or
// expired) deposits of the merchant whose deposit the payment named. An unknown reference names no
// merchant, so then the admin enters a deposit id (resolve-payment-review.ts takes any unpaid one).
import { db } from "../db";
import { AppError } from "../errors";

export async function listReviewCandidates(eventId: string) {
  const event = await db.providerEvent.findUnique({ where: { id: eventId }, select: { depositId: true } });
  if (!event) throw new AppError("NOT_FOUND", "Pembayaran untuk ditinjau tidak ditemukan / Payment under review not found");
  const matched = event.depositId ? await db.deposit.findUnique({ where: { id: event.depositId }, select: { merchantId: true } }) : null;
  if (!matched) return [];
  return db.deposit.findMany({
    where: { merchantId: matched.merchantId, status: { in: ["pending", "expired"] } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, method: true, total: true, status: true, createdAt: true, expiredAt: true },
  });
}
