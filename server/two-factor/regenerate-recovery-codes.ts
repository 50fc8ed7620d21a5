// New recovery codes replace all earlier ones (used or not); asks for a current code so a
// session left open cannot quietly take over the account's way back in.
import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { INVALID_CODE_MESSAGE } from "./confirm-two-factor-enrolment";
import { withCodeAttemptLimit } from "./limit-code-attempts";
import { issueRecoveryCodes } from "./issue-recovery-codes";
import { verifyTwoFactorCode } from "./verify-two-factor-code";

export type RegenerateRecoveryCodesOptions = { userId: string; code: string; actor: Actor; now?: number };

export async function regenerateRecoveryCodes({ userId, code, actor, now }: RegenerateRecoveryCodesOptions): Promise<{ recoveryCodes: string[] }> {
  return withCodeAttemptLimit(userId, () => transaction(async (tx) => {
    const check = await verifyTwoFactorCode({ userId, code, now }, tx);
    if (!check.ok) throw new AppError("VALIDATION", INVALID_CODE_MESSAGE);
    const recoveryCodes = await issueRecoveryCodes(tx, userId);
    await recordAudit(tx, { actor, action: "auth.recovery_codes_regenerated", targetType: "user", targetId: userId });
    return { recoveryCodes };
  }));
}
