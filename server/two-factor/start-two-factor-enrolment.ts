// Step one of enrolment: a new secret, sealed at rest, not yet in force. Starting again before
// confirming replaces the pending secret; a user already enrolled must disable first.
import { transaction } from "../db";
import { sealSecret } from "../crypto/data-encryption";
import { AppError } from "../errors";
import { newTotpSecret, otpauthUri, secretContext } from "./totp";

export type StartTwoFactorEnrolmentOptions = { userId: string };
export type StartTwoFactorEnrolmentResult = { secret: string; uri: string };

export async function startTwoFactorEnrolment({ userId }: StartTwoFactorEnrolmentOptions): Promise<StartTwoFactorEnrolmentResult> {
  return transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw new AppError("NOT_FOUND", "Pengguna tidak ditemukan / User not found");
    const existing = await tx.userTwoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
    if (existing?.enabledAt) throw new AppError("CONFLICT", "Autentikasi dua faktor sudah aktif / Two-factor authentication is already on");
    const secret = newTotpSecret();
    const sealed = sealSecret(secret, secretContext(userId));
    // Guarded on enabledAt null, so a confirmation racing this start is never overwritten.
    if (existing) {
      const { count } = await tx.userTwoFactor.updateMany({ where: { userId, enabledAt: null }, data: { secret: sealed, lastUsedStep: null } });
      if (count !== 1) throw new AppError("CONFLICT", "Autentikasi dua faktor sudah aktif / Two-factor authentication is already on");
    } else {
      await tx.userTwoFactor.create({ data: { userId, secret: sealed } });
    }
    return { secret, uri: otpauthUri(secret, user.email) };
  });
}
