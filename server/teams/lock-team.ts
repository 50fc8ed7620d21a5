// Member changes of one merchant run one at a time: each takes the merchant row's write lock
// first (a no-op update), so two owners demoting each other at once cannot leave no owner.
import type { Tx } from "../db";
import { AppError } from "../errors";

export async function lockTeam(tx: Tx, merchantId: string) {
  const locked = await tx.merchant.updateMany({ where: { id: merchantId }, data: { updatedAt: new Date() } });
  if (locked.count !== 1) throw new AppError("NOT_FOUND", "Merchant tidak ditemukan / Merchant not found");
}

export const LAST_OWNER = "Merchant harus tetap punya minimal satu pemilik / The merchant must keep at least one owner";

/** Throws when the merchant would be left without an owner (call after the change, in the same transaction). */
export async function assertOwnerRemains(tx: Tx, merchantId: string) {
  const owners = await tx.membership.count({ where: { merchantId, role: "owner" } });
  if (owners < 1) throw new AppError("CONFLICT", LAST_OWNER);
}
