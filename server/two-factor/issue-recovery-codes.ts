import type { Tx } from "../db";
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from "./totp";

/** Replaces the user's recovery codes with ten new ones, returned in clear this once. */
export async function issueRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.twoFactorRecoveryCode.deleteMany({ where: { userId } });
  await tx.twoFactorRecoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(userId, code) })) });
  return codes;
}
