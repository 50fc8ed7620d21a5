// The owner removes a member, or a member leaves. The last owner can do neither. Access ends on
// the removed person's next request: every merchant procedure reads the membership afresh.
import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { assertOwnerRemains, lockTeam } from "./lock-team";

export async function removeMember(options: { merchantId: string; userId: string; actor: Actor }) {
  return transaction(async (tx) => {
    await lockTeam(tx, options.merchantId);
    const member = await tx.membership.findUnique({ where: { userId_merchantId: { userId: options.userId, merchantId: options.merchantId } }, select: { id: true, role: true } });
    if (!member) throw new AppError("NOT_FOUND", "Anggota tidak ditemukan / Member not found");
    await tx.membership.delete({ where: { id: member.id } });
    await assertOwnerRemains(tx, options.merchantId);
    // Their active merchant falls back to another membership (resolve-membership.ts); the legacy
    // home merchant must not point at a merchant they left.
    await tx.user.updateMany({ where: { id: options.userId, activeMerchantId: options.merchantId }, data: { activeMerchantId: null } });
    await tx.user.updateMany({ where: { id: options.userId, merchantId: options.merchantId }, data: { merchantId: null } });
    const self = options.actor.type === "USER" && options.actor.id === options.userId;
    await recordAudit(tx, {
      actor: options.actor,
      action: self ? "team.left" : "team.member_removed",
      targetType: "user",
      targetId: options.userId,
      merchantId: options.merchantId,
      metadata: { role: member.role },
    });
    return { removed: true };
  });
}
