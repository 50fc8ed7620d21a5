// The merchant pauses or resumes one of its sweep rules.
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";

export async function setSweepRuleActive(merchantId: string, ruleId: string, active: boolean, actor: Actor) {
  return transaction(async (tx) => {
    const { count } = await tx.sweepRule.updateMany({ where: { id: ruleId, merchantId }, data: { active } });
    if (count === 0) throw new AppError("NOT_FOUND", "Aturan tidak ditemukan / Rule not found");
    await recordAudit(tx, { actor, action: active ? "sweep.enable" : "sweep.disable", targetType: "sweep_rule", targetId: ruleId, merchantId });
  });
}
