// A merchant's adjustment requests for the admin merchant page, newest first, with who asked,
// who approved and when ("1 of 2" while pending).
import { db } from "../db";
import { APPROVALS_NEEDED, approvalsFor } from "../withdrawals/approval-rule";

export async function listAdjustmentRequests(merchantId: string, take = 10) {
  const rows = await db.adjustmentRequest.findMany({ where: { merchantId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  const approvals = await approvalsFor("adjustment", rows.map((r) => r.id));
  return rows.map((row) => ({ ...row, approvals: approvals.get(row.id) ?? [], approvalsNeeded: APPROVALS_NEEDED }));
}
