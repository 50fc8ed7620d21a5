// An admin suspends or reinstates a merchant, with a reason. While suspended, its API keys get
// 403 (server/http/api-auth.ts), sign-in says it is suspended (server/auth/verify-login.ts) and
// no new withdrawal or deposit can be opened. The guarded update makes a second click a clear
// INVALID_STATE rather than a silent repeat.
import { recordAudit, type Actor } from "../audit";
import { announceInvalidation, invalidateLocally } from "../cache/invalidation";
import { transaction } from "../db";
import { AppError } from "../errors";

export const SUSPENSION_REASON_MIN = 3;
export const SUSPENSION_REASON_MAX = 500;

export async function setMerchantSuspension(input: { merchantId: string; suspend: boolean; reason: string; actor: Actor }) {
  const reason = input.reason.trim();
  if (reason.length < SUSPENSION_REASON_MIN || reason.length > SUSPENSION_REASON_MAX) {
    throw new AppError("VALIDATION", "Alasan wajib diisi, 3–500 karakter / A reason of 3–500 characters is required");
  }
  const [from, to] = input.suspend ? (["ACTIVE", "SUSPENDED"] as const) : (["SUSPENDED", "ACTIVE"] as const);
  const result = await transaction(async (tx) => {
    const { count } = await tx.merchant.updateMany({
      where: { id: input.merchantId, status: from },
      data: { status: to, suspendedReason: input.suspend ? reason : null },
    });
    if (count === 0) {
      const current = await tx.merchant.findUnique({ where: { id: input.merchantId }, select: { status: true } });
      if (!current) throw new AppError("NOT_FOUND", "Merchant tidak ditemukan / Merchant not found");
      throw new AppError(
        "INVALID_STATE",
        input.suspend ? "Merchant sudah ditangguhkan / Merchant is already suspended" : "Merchant tidak sedang ditangguhkan / Merchant is not suspended",
        { status: current.status },
      );
    }
    await recordAudit(tx, {
      actor: input.actor,
      action: input.suspend ? "merchant.suspend" : "merchant.unsuspend",
      targetType: "merchant",
      targetId: input.merchantId,
      merchantId: input.merchantId,
      metadata: { reason },
    });
    // Cached API keys carry the merchant's status: every process drops them (server/http/api-key-cache.ts).
    await announceInvalidation(tx, { kind: "merchant", id: input.merchantId });
    return tx.merchant.findUniqueOrThrow({ where: { id: input.merchantId }, select: { id: true, status: true, suspendedReason: true } });
  });
  invalidateLocally({ kind: "merchant", id: input.merchantId });
  return result;
}
