// The admin desk's queue: withdrawals waiting for a decision (and any payout in flight), one row
// each with what an admin wants to see before approving — the merchant, its balances now, its
// recent withdrawals, the approvals given so far (maker-checker, "1 of 2") and risk hints:
//   - firstPayout: no earlier successful withdrawal of this merchant to this method + account;
//   - aboveAverage: the amount is above the mean of the merchant's successful withdrawals in the
//     last 90 days (compared in whole rupiah: amount × count > sum, no division, no floats).
// Filtered by method, merchant, amount range and age; sorted by age or amount; paged on the server.
import { z } from "zod";
import { db, type Prisma } from "../db";
import { balancesOf, rupiah } from "../ledger";
import { pageInput, pageResult, pageSkip } from "../../lib/pagination";
import { APPROVALS_NEEDED, approvalsFor, withdrawalNeedsSecondAdmin } from "./approval-rule";
import { PAYOUT_IN_PROGRESS } from "./views";

const RECENT = 5;
const AVERAGE_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export const QUEUE_SORTS = ["oldest", "newest", "amount_desc", "amount_asc"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const queueInput = pageInput.extend({
  method: z.string().trim().min(1).max(20).optional(),
  merchantId: z.string().trim().min(1).max(64).optional(),
  minAmount: rupiah.optional(),
  maxAmount: rupiah.optional(),
  /** Only withdrawals requested at least this many hours ago. */
  olderThanHours: z.number().int().min(0).max(24 * 365).optional(),
  sort: z.enum(QUEUE_SORTS).default("oldest"),
});

export type QueueInput = z.input<typeof queueInput>;

function orderOf(sort: QueueSort): Prisma.WithdrawalOrderByWithRelationInput[] {
  switch (sort) {
    case "newest":
      return [{ createdAt: "desc" }, { id: "desc" }];
    case "amount_desc":
      return [{ amount: "desc" }, { createdAt: "asc" }, { id: "asc" }];
    case "amount_asc":
      return [{ amount: "asc" }, { createdAt: "asc" }, { id: "asc" }];
    default:
      return [{ createdAt: "asc" }, { id: "asc" }];
  }
}

export async function listWithdrawalQueue(raw: QueueInput, now = new Date()) {
  const input = queueInput.parse(raw);
  const { page, pageSize } = input;
  const where: Prisma.WithdrawalWhereInput = {
    status: { in: ["pending", ...PAYOUT_IN_PROGRESS] },
    // A batch payout's rows are one item in the desk's batch list (list-payout-batch-queue.ts).
    batchId: null,
    ...(input.method ? { method: input.method } : {}),
    ...(input.merchantId ? { merchantId: input.merchantId } : {}),
    ...(input.minAmount !== undefined || input.maxAmount !== undefined
      ? { amount: { ...(input.minAmount !== undefined ? { gte: input.minAmount } : {}), ...(input.maxAmount !== undefined ? { lte: input.maxAmount } : {}) } }
      : {}),
    ...(input.olderThanHours ? { createdAt: { lte: new Date(now.getTime() - input.olderThanHours * 60 * 60 * 1000) } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.withdrawal.count({ where }),
    db.withdrawal.findMany({
      where,
      orderBy: orderOf(input.sort),
      skip: pageSkip({ page, pageSize }),
      take: pageSize,
      include: { merchant: { select: { id: true, businessName: true, status: true } } },
    }),
  ]);
  const merchantIds = [...new Set(rows.map((r) => r.merchantId))];
  const since = new Date(now.getTime() - AVERAGE_DAYS * DAY_MS);
  const [context, paidAccounts, averages, approvals] = await Promise.all([
    // Every merchant's balance in one query; each one's last decisions on its (merchantId, createdAt) index.
    Promise.all([
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
    ]).then(([balances, recents]) => new Map(merchantIds.map((merchantId, i) => [merchantId, { balance: balances.get(merchantId)!, recent: recents[i]! }] as const))),
    // Accounts each merchant has been paid out to successfully before.
    merchantIds.length
      ? db.withdrawal.groupBy({ by: ["merchantId", "method", "accountNumber"], where: { merchantId: { in: merchantIds }, status: "success" } })
      : Promise.resolve([]),
    merchantIds.length
      ? db.withdrawal.groupBy({ by: ["merchantId"], where: { merchantId: { in: merchantIds }, status: "success", createdAt: { gte: since } }, _sum: { amount: true }, _count: { _all: true } })
      : Promise.resolve([]),
    approvalsFor("withdrawal", rows.map((r) => r.id)),
  ]);
  const paid = new Set(paidAccounts.map((p) => `${p.merchantId}\u0000${p.method}\u0000${p.accountNumber}`));
  const average = new Map(averages.map((a) => [a.merchantId, { sum: a._sum.amount ?? 0n, count: BigInt(a._count._all) }]));

  return pageResult(
    rows.map((row) => {
      const merchantContext = context.get(row.merchantId);
      const mean = average.get(row.merchantId);
      return {
        ...row,
        balance: merchantContext?.balance ?? { available: 0n, held: 0n },
        recent: merchantContext?.recent ?? [],
        ageMinutes: Math.max(0, Math.floor((now.getTime() - row.createdAt.getTime()) / 60_000)),
        risk: {
          firstPayout: !paid.has(`${row.merchantId}\u0000${row.method}\u0000${row.accountNumber}`),
          aboveAverage: mean !== undefined && mean.count > 0n && row.amount * mean.count > mean.sum,
        },
        needsSecondAdmin: withdrawalNeedsSecondAdmin(row.amount),
        approvalsNeeded: withdrawalNeedsSecondAdmin(row.amount) ? APPROVALS_NEEDED : 1,
        approvals: approvals.get(row.id) ?? [],
      };
    }),
    total,
    { page, pageSize },
  );
}

/** The merchants that have something in the queue, for the desk's merchant filter. */
export async function listQueueMerchants() {
  const grouped = await db.withdrawal.groupBy({ by: ["merchantId"], where: { status: { in: ["pending", ...PAYOUT_IN_PROGRESS] }, batchId: null } });
  if (grouped.length === 0) return [];
  return db.merchant.findMany({ where: { id: { in: grouped.map((g) => g.merchantId) } }, select: { id: true, businessName: true }, orderBy: { businessName: "asc" } });
}
