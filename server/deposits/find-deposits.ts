// Reading deposits as their merchant: another merchant's deposit is "not found", and a pending
// one past its expiry is expired before it is shown, so it never looks payable.
import { db } from "../db";
import { AppError } from "../errors";
import { isDepositIdShape } from "./deposit-id";
import { expireIfDue } from "./expire-deposit";
import { pageResult, pageSkip } from "../../lib/pagination";

export const notFound = () => new AppError("NOT_FOUND", "Invoice tidak ditemukan / Invoice not found");

export async function getDepositForMerchant(merchantId: string, depositId: string) {
  if (!isDepositIdShape(depositId)) throw notFound();
  const deposit = await db.deposit.findFirst({ where: { id: depositId, merchantId } });
  if (!deposit) throw notFound();
  return expireIfDue(deposit);
}

/** For the public payment page: anyone with the (unguessable) id may see how to pay it. */
export async function getDepositForPayer(depositId: string) {
  if (!isDepositIdShape(depositId)) throw notFound();
  const deposit = await db.deposit.findUnique({ where: { id: depositId }, include: { merchant: { select: { businessName: true } } } });
  if (!deposit) throw notFound();
  const fresh = await expireIfDue(deposit);
  return { ...fresh, merchantName: deposit.merchant.businessName };
}

export const DEPOSIT_STATUSES = ["pending", "paid", "expired"] as const;

export async function listDeposits(
  merchantId: string,
  { page, pageSize, status, search }: { page: number; pageSize: number; status?: (typeof DEPOSIT_STATUSES)[number]; search?: string },
) {
  const where = {
    merchantId,
    ...(status ? { status } : {}),
    ...(search ? { OR: [{ id: { contains: search } }, { vaNumber: { contains: search } }] } : {}),
  };
  const [total, items] = await Promise.all([
    db.deposit.count({ where }),
    db.deposit.findMany({ where, orderBy: { createdAt: "desc" }, skip: pageSkip({ page, pageSize }), take: pageSize }),
  ]);
  const now = new Date();
  // Shown as expired at once; the worker (or the next read) writes it down.
  const shown = items.map((d) => (d.status === "pending" && d.expiredAt <= now ? { ...d, status: "expired" } : d));
  return pageResult(shown, total, { page, pageSize });
}
