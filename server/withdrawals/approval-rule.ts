// Maker-checker: which decisions need two different admins, and the record of who approved.
//   - a withdrawal whose amount is at or above APPROVAL_SECOND_ADMIN_ABOVE (default Rp 10.000.000);
//   - every manual balance adjustment (server/merchants/request-adjustment.ts).
// One `Approval` row per (target, admin): the unique index is what keeps one admin from giving
// both approvals, even from two tabs at once. The executing step (the guarded `pending → …`
// update) still runs once, so two different admins giving the second approval at the same time
// execute it once.
import type { Actor } from "../audit";
import { db, Prisma, type Tx } from "../db";
import { approvalEnv } from "../env";
import { AppError } from "../errors";

export type ApprovalTarget = "withdrawal" | "adjustment";

/** How many different admins a maker-checker decision needs. */
export const APPROVALS_NEEDED = 2;

export function secondAdminThreshold(): bigint {
  return approvalEnv.APPROVAL_SECOND_ADMIN_ABOVE;
}

/** A withdrawal of this amount needs two different admins (at or above the threshold). */
export function withdrawalNeedsSecondAdmin(amount: bigint): boolean {
  return amount >= secondAdminThreshold();
}

export const sameAdminError = () =>
  new AppError(
    "FORBIDDEN",
    "Anda sudah memberi persetujuan pertama; persetujuan kedua harus dari admin lain / You already gave the first approval; the second must come from a different admin",
    { reason: "SAME_ADMIN" },
  );

export const adminOnlyError = () =>
  new AppError("FORBIDDEN", "Persetujuan ini hanya dapat diberikan oleh admin / Only an admin can give this approval");

/** The admin user behind an actor, or a refusal: maker-checker counts people, not systems. */
export function approvingAdminId(actor: Actor): string {
  if (actor.type !== "USER" || !actor.id) throw adminOnlyError();
  return actor.id;
}

export type ApprovalView = { adminUserId: string; adminName: string; adminEmail: string; at: Date };

/**
 * Records `adminUserId`'s approval of a target (inside the caller's transaction) and returns the
 * distinct approvers so far. The same admin approving twice is refused with a clear error.
 */
export async function recordApproval(tx: Tx, target: ApprovalTarget, targetId: string, adminUserId: string): Promise<string[]> {
  const existing = await tx.approval.findMany({ where: { targetType: target, targetId }, select: { adminUserId: true } });
  if (existing.some((a) => a.adminUserId === adminUserId)) throw sameAdminError();
  try {
    await tx.approval.create({ data: { targetType: target, targetId, adminUserId } });
  } catch (error) {
    // The unique index: this admin's approval landed from another request a moment ago.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw sameAdminError();
    throw error;
  }
  return [...new Set([...existing.map((a) => a.adminUserId), adminUserId])];
}

/** The distinct admins who approved a target (inside a transaction, for the executing check). */
export async function approversOf(tx: Tx, target: ApprovalTarget, targetId: string): Promise<string[]> {
  const rows = await tx.approval.findMany({ where: { targetType: target, targetId }, select: { adminUserId: true } });
  return [...new Set(rows.map((r) => r.adminUserId))];
}

/** Who approved which of `targetIds` and when, oldest first — "1 of 2: Admin Saldo, 10:02 WIB". */
export async function approvalsFor(target: ApprovalTarget, targetIds: string[]): Promise<Map<string, ApprovalView[]>> {
  const result = new Map<string, ApprovalView[]>();
  if (targetIds.length === 0) return result;
  const rows = await db.approval.findMany({
    where: { targetType: target, targetId: { in: targetIds } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.adminUserId))] } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  for (const row of rows) {
    const user = byId.get(row.adminUserId);
    const list = result.get(row.targetId) ?? [];
    list.push({ adminUserId: row.adminUserId, adminName: user?.name ?? row.adminUserId, adminEmail: user?.email ?? "", at: row.createdAt });
    result.set(row.targetId, list);
  }
  return result;
}
