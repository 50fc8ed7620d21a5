// A merchant registered without a phone number sets one, to use it as its prepaid API username.
// Only once: changing a live integration's username is an admin's job.
import { recordAudit, type Actor } from "../audit";
import { db, transaction } from "../db";
import { AppError } from "../errors";
import { normaliseMsisdn } from "./customer-id";

export async function setPrepaidUsername(input: { merchantId: string; phone: string; actor: Actor }) {
  const phone = normaliseMsisdn(input.phone);
  if (!phone) throw new AppError("VALIDATION", "Nomor HP tidak valid (contoh 081234567890) / Invalid phone number (e.g. 081234567890)");
  const taken = await db.merchant.findUnique({ where: { phone }, select: { id: true } });
  if (taken && taken.id !== input.merchantId) throw new AppError("CONFLICT", "Nomor HP sudah dipakai merchant lain / Phone number is already in use");
  try {
    return await transaction(async (tx) => {
      const { count } = await tx.merchant.updateMany({ where: { id: input.merchantId, phone: null }, data: { phone } });
      if (count === 0) throw new AppError("INVALID_STATE", "Nomor HP sudah diatur / Phone number is already set");
      await recordAudit(tx, { actor: input.actor, action: "prepaid.username_set", targetType: "merchant", targetId: input.merchantId, merchantId: input.merchantId, metadata: { phone } });
      return { username: phone };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("CONFLICT", "Nomor HP sudah dipakai merchant lain / Phone number is already in use");
    throw error;
  }
}
