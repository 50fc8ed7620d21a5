// The owner changes a member's role; the last owner cannot be demoted.
import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import type { MemberRole } from "../auth/permissions";
import { assertOwnerRemains, lockTeam } from "./lock-team";

export async function changeMemberRole(options: { merchantId: string; userId: string; role: MemberRole; actor: Actor }) {
  return transaction(async (tx) => {
    await lockTeam(tx, options.merchantId);
    const member = await tx.membership.findUnique({ where: { userId_merchantId: { userId: options.userId, merchantId: options.merchantId } }, select: { id: true, role: true } });
    if (!member) throw new AppError("NOT_FOUND", "Anggota tidak ditemukan / Member not found");
    if (member.role === options.role) return { changed: false };
    await tx.membership.update({ where: { id: member.id }, data: { role: options.role } });
    await assertOwnerRemains(tx, options.merchantId);
    await recordAudit(tx, {
      actor: options.actor,
      action: "team.role_changed",
      targetType: "user",
      targetId: options.userId,
      merchantId: options.merchantId,
      metadata: { from: member.role, to: options.role },
    });
    return { changed: true };
  });
}
