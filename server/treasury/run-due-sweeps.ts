// The worker's sweep job.
import { db } from "../db";
import { runSweepRule } from "./run-sweep-rule";
import { wibDay, wibMinuteOfDay } from "../../lib/format";

/** The worker's job: every active rule whose time of day has come and has not run today. */
export async function runDueSweeps(now = new Date()): Promise<number> {
  const period = wibDay(now);
  const minute = wibMinuteOfDay(now);
  const rules = await db.sweepRule.findMany({ where: { active: true, runAtMinute: { lte: minute }, runs: { none: { period } } } });
  for (const rule of rules) await runSweepRule(rule.id, period);
  return rules.length;
}
