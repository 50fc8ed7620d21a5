// Per-merchant auto-approval of small withdrawals: off (null) by default; when set, a request
// at or below the limit is approved at once by the system, without waiting for an admin.
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { toRupiah } from "../ledger";

export async function setAutoApproveLimit(input: { merchantId: string; upTo: bigint | number | string | null; actor: Actor }) {
  const upTo = input.upTo === null ? null : toRupiah(input.upTo, { allowZero: false });
  if (upTo !== null && upTo < 0n) throw new AppError("VALIDATION", "Batas harus lebih dari nol / The limit must be above zero");
  return transaction(async (tx) => {
    const { count } = await tx.merchant.updateMany({ where: { id: input.merchantId }, data: { autoApproveWithdrawalsUpTo: upTo } });
    if (count === 0) throw new AppError("NOT_FOUND", "Merchant tidak ditemukan / Merchant not found");
    await recordAudit(tx, {
      actor: input.actor,
      action: "merchant.auto_approve",
      targetType: "merchant",
      targetId: input.merchantId,
      merchantId: input.merchantId,
      metadata: { upTo },
    });
    return { merchantId: input.merchantId, autoApproveWithdrawalsUpTo: upTo };
  });
}
