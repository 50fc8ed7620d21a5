// The merchant owner's switch: every user of the merchant must sign in with two factors. The
// owner turns it on only after enrolling, so the switch never sends its own author away.
import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { forgetTwoFactorStatus } from "../two-factor/two-factor-status";

export type SetRequireTwoFactorOptions = { merchantId: string; userId: string; required: boolean; actor: Actor };

export async function setRequireTwoFactor({ merchantId, userId, required, actor }: SetRequireTwoFactorOptions): Promise<{ requireTwoFactor: boolean }> {
  await transaction(async (tx) => {
    const owner = await tx.membership.findFirst({ where: { userId, merchantId, role: "owner" }, select: { id: true } });
    if (!owner) throw new AppError("NOT_FOUND", "Merchant tidak ditemukan / Merchant not found");
    if (required) {
      const own = await tx.userTwoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
      if (!own?.enabledAt) {
        throw new AppError("INVALID_STATE", "Aktifkan autentikasi dua faktor Anda sendiri terlebih dahulu / Turn on your own two-factor authentication first");
      }
    }
    await tx.merchant.update({ where: { id: merchantId }, data: { requireTwoFactor: required } });
    await recordAudit(tx, { actor, action: required ? "merchant.two_factor_required" : "merchant.two_factor_optional", targetType: "merchant", targetId: merchantId, merchantId });
  });
  // Every user of this merchant: this process forgets them all; others follow within the cache time.
  forgetTwoFactorStatus();
  return { requireTwoFactor: required };
}
