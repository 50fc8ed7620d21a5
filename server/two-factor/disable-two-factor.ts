// Turning two-factor off needs a current code (or a recovery code, for a lost phone). An admin
// or a user whose merchant requires two-factor is then sent back to enrolment.
import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { INVALID_CODE_MESSAGE } from "./confirm-two-factor-enrolment";
import { withCodeAttemptLimit } from "./limit-code-attempts";
import { forgetTwoFactorStatus } from "./two-factor-status";
import { verifyTwoFactorCode } from "./verify-two-factor-code";

export type DisableTwoFactorOptions = { userId: string; code: string; actor: Actor; now?: number };

export async function disableTwoFactor({ userId, code, actor, now }: DisableTwoFactorOptions): Promise<{ disabled: true }> {
  await withCodeAttemptLimit(userId, () => transaction(async (tx) => {
    const check = await verifyTwoFactorCode({ userId, code, now }, tx);
    if (!check.ok) throw new AppError("VALIDATION", INVALID_CODE_MESSAGE);
    await tx.userTwoFactor.deleteMany({ where: { userId } });
    await tx.twoFactorRecoveryCode.deleteMany({ where: { userId } });
    await recordAudit(tx, { actor, action: "auth.two_factor_disabled", targetType: "user", targetId: userId, metadata: { method: check.method } });
  }));
  forgetTwoFactorStatus(userId);
  return { disabled: true };
}
