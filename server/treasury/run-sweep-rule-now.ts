// "Run now" on the merchant's settings page.
import { db } from "../db";
import { AppError } from "../errors";
import { runSweepRule } from "./run-sweep-rule";
import { wibDay } from "../../lib/format";

/** "Run now" from the merchant's settings: only the merchant's own rule, for today's WIB period. */
export async function runSweepRuleNow(merchantId: string, ruleId: string) {
  const rule = await db.sweepRule.findFirst({ where: { id: ruleId, merchantId }, select: { id: true } });
  if (!rule) throw new AppError("NOT_FOUND", "Aturan tidak ditemukan / Rule not found");
  return runSweepRule(rule.id, wibDay());
}
