// A superadmin changes an admin's staff role; the last superadmin cannot be demoted, so someone
// can always manage staff.
import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import type { StaffRole } from "../auth/permissions";

export async function setStaffRole(options: { userId: string; staffRole: StaffRole; actor: Actor }) {
  return transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: options.userId }, select: { role: true, staffRole: true } });
    if (!user || user.role !== "ADMIN") throw new AppError("NOT_FOUND", "Staf tidak ditemukan / Staff member not found");
    const from = user.staffRole ?? "superadmin";
    await tx.user.update({ where: { id: options.userId }, data: { staffRole: options.staffRole } });
    const superadmins = await tx.user.count({ where: { role: "ADMIN", OR: [{ staffRole: "superadmin" }, { staffRole: null }] } });
    if (superadmins < 1) throw new AppError("CONFLICT", "Harus tetap ada minimal satu superadmin / At least one superadmin must remain");
    await recordAudit(tx, { actor: options.actor, action: "staff.role_changed", targetType: "user", targetId: options.userId, metadata: { from, to: options.staffRole } });
    return { ok: true as const };
  });
}
