// The merchant confirms a new mandate with its OTP; it becomes active.
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { hashOtp } from "./mandate-otp";

export async function confirmMandate(merchantId: string, mandateId: string, otp: string, actor: Actor) {
  return transaction(async (tx) => {
    const mandate = await tx.directDebitMandate.findFirst({ where: { id: mandateId, merchantId } });
    if (!mandate) throw new AppError("NOT_FOUND", "Mandat tidak ditemukan / Mandate not found");
    if (mandate.status !== "pending_otp") throw new AppError("INVALID_STATE", "Mandat sudah dikonfirmasi / Mandate already confirmed");
    if (!mandate.otpExpiresAt || mandate.otpExpiresAt < new Date()) throw new AppError("VALIDATION", "OTP kedaluwarsa; daftarkan ulang / OTP expired; register again");
    if (mandate.otpHash !== hashOtp(mandate.id, otp.trim())) throw new AppError("VALIDATION", "OTP salah / Wrong OTP");
    await tx.directDebitMandate.updateMany({ where: { id: mandate.id, status: "pending_otp" }, data: { status: "active", otpHash: null, activatedAt: new Date() } });
    await recordAudit(tx, { actor, action: "mandate.activate", targetType: "mandate", targetId: mandate.id, merchantId });
    return { status: "active" };
  });
}
