// The admin desk's "needs review" list: settled payouts the provider later contradicted — a
// `failed` after `completed` (a bank refund), or a `completed` after the funds went back — which
// Saldo never reverses on its own (record-payout-notification.ts). Newest first.
import { db } from "../db";
import { PAYOUT_REVIEW_ACTION } from "./record-payout-notification";

export async function listPayoutReviews(limit = 10) {
  const entries = await db.auditLog.findMany({
    where: { action: PAYOUT_REVIEW_ACTION },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 50),
  });
  const ids = [...new Set(entries.flatMap((e) => (e.targetId ? [e.targetId] : [])))];
  const withdrawals = new Map(
    (await db.withdrawal.findMany({ where: { id: { in: ids } }, include: { merchant: { select: { id: true, businessName: true } } } })).map((w) => [w.id, w]),
  );
  return entries.flatMap((entry) => {
    const withdrawal = entry.targetId ? withdrawals.get(entry.targetId) : undefined;
    if (!withdrawal) return [];
    const metadata = JSON.parse(entry.metadata ?? "{}") as { kind?: string; providerStatus?: string; reason?: string };
    return [{ id: entry.id, at: entry.createdAt, kind: metadata.kind ?? "", providerStatus: metadata.providerStatus ?? "", reason: metadata.reason ?? null, withdrawal }];
  });
}
