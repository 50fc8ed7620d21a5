// The merchant's sweep rules, newest first, each with its last runs.
import { db } from "../db";

export async function listSweepRules(merchantId: string) {
  return db.sweepRule.findMany({ where: { merchantId }, orderBy: { createdAt: "desc" }, include: { runs: { orderBy: { createdAt: "desc" }, take: 10 } } });
}
