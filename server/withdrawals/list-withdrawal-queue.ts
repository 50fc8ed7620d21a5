// The admin desk's queue: withdrawals waiting for a decision (and any payout in flight),
// oldest first, each with what an admin wants to see before approving — the merchant, its
// balances now and its recent withdrawals.
import { db } from "../db";
import { AppError } from "../errors";
import { balanceOf } from "../ledger";

const RECENT = 5;

export async function listWithdrawalQueue({ page, pageSize }: { page: number; pageSize: number }) {
  const where = { status: { in: ["pending", "processing"] } };
  const [total, rows] = await Promise.all([
    db.withdrawal.count({ where }),
    db.withdrawal.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { merchant: { select: { id: true, businessName: true, status: true } } },
    }),
  ]);
  const merchantIds = [...new Set(rows.map((r) => r.merchantId))];
  const context = new Map(
    await Promise.all(
      merchantIds.map(async (merchantId) => {
        const [balance, recent] = await Promise.all([
          balanceOf(db, merchantId),
          db.withdrawal.findMany({
            where: { merchantId, status: { in: ["success", "rejected"] } },
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            take: RECENT,
            select: { id: true, amount: true, status: true, method: true, accountNumber: true, createdAt: true, processedAt: true },
          }),
        ]);
        return [merchantId, { balance, recent }] as const;
      }),
    ),
  );
  return {
    total,
    page,
    pageSize,
    totalPages: Math.max(1, Math.ceil(total / pageSize)),
    items: rows.map((row) => {
      const merchantContext = context.get(row.merchantId);
      return { ...row, balance: merchantContext?.balance ?? { available: 0n, held: 0n }, recent: merchantContext?.recent ?? [] };
    }),
  };
}

/** Any merchant's withdrawals, for the admin's merchant page. */
export async function listMerchantWithdrawals(merchantId: string, { page, pageSize }: { page: number; pageSize: number }) {
  const where = { merchantId };
  const [total, items] = await Promise.all([
    db.withdrawal.count({ where }),
    db.withdrawal.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return { total, page, pageSize, totalPages: Math.max(1, Math.ceil(total / pageSize)), items };
}

export async function getWithdrawalForAdmin(withdrawalId: string) {
  const withdrawal = await db.withdrawal.findUnique({ where: { id: withdrawalId }, include: { merchant: { select: { id: true, businessName: true } } } });
  if (!withdrawal) throw new AppError("NOT_FOUND", "Penarikan tidak ditemukan / Withdrawal not found");
  return withdrawal;
}

/** The last decisions (approved, rejected, payout failed), newest first, so an admin sees how an action ended. */
export async function listRecentlyDecided(limit = 10) {
  return db.withdrawal.findMany({
    where: { status: { in: ["success", "rejected"] }, processedAt: { not: null } },
    orderBy: [{ processedAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 50),
    include: { merchant: { select: { id: true, businessName: true } } },
  });
}
