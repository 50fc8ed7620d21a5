// The admin desk's queue: withdrawals waiting for a decision (and any payout in flight),
// oldest first, each with what an admin wants to see before approving — the merchant, its
// balances now and its recent withdrawals.
import { db } from "../db";
import { balancesOf } from "../ledger";
import { pageResult, pageSkip, type PageRequest } from "../../lib/pagination";
import { PAYOUT_IN_PROGRESS } from "./views";

const RECENT = 5;

export async function listWithdrawalQueue({ page, pageSize }: PageRequest) {
  const where = { status: { in: ["pending", ...PAYOUT_IN_PROGRESS] } };
  const [total, rows] = await Promise.all([
    db.withdrawal.count({ where }),
    db.withdrawal.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: pageSkip({ page, pageSize }),
      take: pageSize,
      include: { merchant: { select: { id: true, businessName: true, status: true } } },
    }),
  ]);
  const merchantIds = [...new Set(rows.map((r) => r.merchantId))];
  // Every merchant's balance in one query; each one's last decisions on its (merchantId, createdAt) index.
  const [balances, recents] = await Promise.all([
    balancesOf(db, merchantIds),
    Promise.all(
      merchantIds.map((merchantId) =>
        db.withdrawal.findMany({
          where: { merchantId, status: { in: ["success", "rejected"] } },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: RECENT,
          select: { id: true, amount: true, status: true, method: true, accountNumber: true, createdAt: true, processedAt: true },
        }),
      ),
    ),
  ]);
  const context = new Map(merchantIds.map((merchantId, i) => [merchantId, { balance: balances.get(merchantId)!, recent: recents[i]! }] as const));
  return pageResult(
    rows.map((row) => {
      const merchantContext = context.get(row.merchantId);
      return { ...row, balance: merchantContext?.balance ?? { available: 0n, held: 0n }, recent: merchantContext?.recent ?? [] };
    }),
    total,
    { page, pageSize },
  );
}

