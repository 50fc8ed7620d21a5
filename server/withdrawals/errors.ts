// The refusals every withdrawal use case shares, worded once.
import type { Tx } from "../db";
import { AppError } from "../errors";
import { publicStatus } from "./views";

export const withdrawalNotFound = () => new AppError("NOT_FOUND", "Penarikan tidak ditemukan / Withdrawal not found");

/** Why a guarded `pending → …` update matched nothing: the withdrawal is gone, or already decided. */
export async function notPendingError(tx: Tx, withdrawalId: string): Promise<AppError> {
  const current = await tx.withdrawal.findUnique({ where: { id: withdrawalId }, select: { status: true } });
  if (!current) return withdrawalNotFound();
  // The admin desk sees the payout's own states; anything else by its public name.
  const shown = ["processing", "sending", "unknown"].includes(current.status) ? current.status : publicStatus(current.status);
  return new AppError(
    "INVALID_STATE",
    `Penarikan tidak lagi menunggu persetujuan (status: ${shown}) / Withdrawal is no longer pending (status: ${shown})`,
    { status: current.status },
  );
}
