// Step two: the user proves their app holds the secret with a current code; then two-factor is
// in force and ten recovery codes are shown once.
import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import { openSecret } from "../crypto/data-encryption";
import { transaction } from "../db";
import { AppError } from "../errors";
import { withCodeAttemptLimit } from "./limit-code-attempts";
import { issueRecoveryCodes } from "./issue-recovery-codes";
import { matchTotpStep, secretContext } from "./totp";
import { forgetTwoFactorStatus } from "./two-factor-status";

export type ConfirmTwoFactorEnrolmentOptions = { userId: string; code: string; actor: Actor; now?: number };
export type ConfirmTwoFactorEnrolmentResult = { recoveryCodes: string[] };

export const INVALID_CODE_MESSAGE = "Kode tidak valid atau sudah dipakai / The code is wrong or was already used";

export async function confirmTwoFactorEnrolment({ userId, code, actor, now = Date.now() }: ConfirmTwoFactorEnrolmentOptions): Promise<ConfirmTwoFactorEnrolmentResult> {
  const result = await withCodeAttemptLimit(userId, () => transaction(async (tx) => {
    const pending = await tx.userTwoFactor.findUnique({ where: { userId } });
    if (!pending) throw new AppError("INVALID_STATE", "Mulai pendaftaran terlebih dahulu / Start enrolment first");
    if (pending.enabledAt) throw new AppError("CONFLICT", "Autentikasi dua faktor sudah aktif / Two-factor authentication is already on");
    const step = matchTotpStep(openSecret(pending.secret, secretContext(userId)).value, code, now);
    if (step === null) throw new AppError("VALIDATION", INVALID_CODE_MESSAGE);
    // Guarded: only the pending row with this very secret becomes active, once.
    const { count } = await tx.userTwoFactor.updateMany({
      where: { userId, enabledAt: null, secret: pending.secret },
      data: { enabledAt: new Date(now), lastUsedStep: step },
    });
    if (count !== 1) throw new AppError("CONFLICT", "Pendaftaran berubah, mulai lagi / Enrolment changed, start again");
    const recoveryCodes = await issueRecoveryCodes(tx, userId);
    await recordAudit(tx, { actor, action: "auth.two_factor_enabled", targetType: "user", targetId: userId });
    return { recoveryCodes };
  }));
  forgetTwoFactorStatus(userId);
  return result;
}
