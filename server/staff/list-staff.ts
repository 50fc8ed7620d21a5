import { db } from "../db";
import { isStaffRole, type StaffRole } from "../auth/permissions";

export type StaffMember = { id: string; name: string; email: string; staffRole: StaffRole; createdAt: Date };

/** Every admin with their staff role (a row without one counts as superadmin, as resolveStaffRole says). */
export async function listStaff(): Promise<StaffMember[]> {
  const rows = await db.user.findMany({ where: { role: "ADMIN" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 500, select: { id: true, name: true, email: true, staffRole: true, createdAt: true } });
  return rows.map((r) => ({ ...r, staffRole: r.staffRole == null ? "superadmin" : isStaffRole(r.staffRole) ? r.staffRole : "support" }));
}
