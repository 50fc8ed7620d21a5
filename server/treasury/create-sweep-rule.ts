// The merchant adds a sweep rule: settlement money moved into the deposit on a schedule.
import type { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { settlementAccount } from "../ledger";
import { sweepRuleInput } from "./schemas";

export async function createSweepRule(merchantId: string, raw: z.input<typeof sweepRuleInput>, actor: Actor) {
  const input = sweepRuleInput.parse(raw);
  return transaction(async (tx) => {
    const rule = await tx.sweepRule.create({
      data: {
        merchantId,
        kind: input.kind,
        runAtMinute: input.runAtMinute,
        percentBps: input.kind === "percent_of_yesterday" ? input.percentBps : null,
        minimumBalance: input.kind === "keep_minimum" ? input.minimumBalance : null,
      },
    });
    await settlementAccount(tx, merchantId);
    await recordAudit(tx, { actor, action: "sweep.create", targetType: "sweep_rule", targetId: rule.id, merchantId });
    return rule;
  });
}
