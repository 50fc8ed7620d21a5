// Checks a second-factor code of an enrolled user: a TOTP code (6 digits) for a step later than
// the last accepted one, or an unused recovery code. Each is taken by one guarded update, so two
// processes given the same code accept it once.
import { openSecret } from "../crypto/data-encryption";
import { db, type Tx } from "../db";
import { hashRecoveryCode, looksLikeTotpCode, matchTotpStep, normalizeRecoveryCode, secretContext } from "./totp";

export type VerifyTwoFactorCodeOptions = { userId: string; code: string; now?: number };
export type VerifyTwoFactorCodeResult = { ok: true; method: "totp" | "recovery"; recoveryCodesLeft?: number } | { ok: false };

export async function verifyTwoFactorCode({ userId, code, now = Date.now() }: VerifyTwoFactorCodeOptions, client: Tx | typeof db = db): Promise<VerifyTwoFactorCodeResult> {
  const twoFactor = await client.userTwoFactor.findUnique({ where: { userId } });
  if (!twoFactor?.enabledAt) return { ok: false };
  if (looksLikeTotpCode(code)) {
    const step = matchTotpStep(openSecret(twoFactor.secret, secretContext(userId)).value, code, now);
    if (step === null) return { ok: false };
    const { count } = await client.userTwoFactor.updateMany({
      where: { userId, enabledAt: { not: null }, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
      data: { lastUsedStep: step },
    });
    return count === 1 ? { ok: true, method: "totp" } : { ok: false };
  }
  const normalized = normalizeRecoveryCode(code);
  if (normalized.length !== 10) return { ok: false };
  const { count } = await client.twoFactorRecoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(userId, normalized), usedAt: null },
    data: { usedAt: new Date(now) },
  });
  if (count !== 1) return { ok: false };
  const recoveryCodesLeft = await client.twoFactorRecoveryCode.count({ where: { userId, usedAt: null } });
  return { ok: true, method: "recovery", recoveryCodesLeft };
}
