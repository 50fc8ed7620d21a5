// One withdrawal of any merchant, for the admin desk.
import { db } from "../db";
import { AppError } from "../errors";

export async function getWithdrawalForAdmin(withdrawalId: string) {
  const withdrawal = await db.withdrawal.findUnique({ where: { id: withdrawalId }, include: { merchant: { select: { id: true, businessName: true } } } });
  if (!withdrawal) throw new AppError("NOT_FOUND", "Penarikan tidak ditemukan / Withdrawal not found");
  return withdrawal;
}
