// The merchant's direct-debit mandates that are not revoked, newest first (no OTP hash).
import { db } from "../db";

export async function listMandates(merchantId: string) {
  return db.directDebitMandate.findMany({
    where: { merchantId, status: { not: "revoked" } },
    orderBy: { createdAt: "desc" },
    select: { id: true, bankCode: true, accountNumber: true, accountName: true, targetBalance: true, monthlyCap: true, status: true, failureReason: true, activatedAt: true, createdAt: true, otpExpiresAt: true },
  });
}
