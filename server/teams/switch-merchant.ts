// The merchant switcher: only to a merchant the person is a member of; the choice is kept on the
// user and re-checked against the memberships on every request.
import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";

export async function switchMerchant(options: { userId: string; merchantId: string; actor: Actor }) {
  return transaction(async (tx) => {
    const member = await tx.membership.findUnique({ where: { userId_merchantId: { userId: options.userId, merchantId: options.merchantId } }, select: { id: true } });
    // Not a member looks the same as no such merchant.
    if (!member) throw new AppError("NOT_FOUND", "Merchant tidak ditemukan / Merchant not found");
    await tx.user.update({ where: { id: options.userId }, data: { activeMerchantId: options.merchantId } });
    await recordAudit(tx, { actor: options.actor, action: "team.merchant_switched", targetType: "merchant", targetId: options.merchantId, merchantId: options.merchantId });
    return { merchantId: options.merchantId };
  });
}
