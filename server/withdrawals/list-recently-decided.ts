// The admin desk's "recently decided" list.
import { db } from "../db";

/** The last decisions (approved, rejected, payout failed), newest first, so an admin sees how an action ended. */
export async function listRecentlyDecided(limit = 10) {
  return db.withdrawal.findMany({
    where: { status: { in: ["success", "rejected"] }, processedAt: { not: null } },
    orderBy: [{ processedAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 50),
    include: { merchant: { select: { id: true, businessName: true } } },
  });
}
