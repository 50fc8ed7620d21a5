// A merchant user enrols in two-factor before their first withdrawal from the portal. (API-key
// calls are not people signing in and are not affected.) When roles arrive, this applies to
// the members whose role may withdraw; today every merchant user is an owner.
import { AppError } from "../errors";
import { getTwoFactorStatus } from "./two-factor-status";

export const TWO_FACTOR_FOR_WITHDRAWAL_MESSAGE =
  "Aktifkan autentikasi dua faktor sebelum menarik dana / Turn on two-factor authentication before withdrawing";

export async function requireTwoFactorForWithdrawal(userId: string): Promise<void> {
  // A "not enrolled" from the cache is asked again: the user may have just enrolled elsewhere.
  const cached = await getTwoFactorStatus(userId);
  if (!cached.enrolled && !(await getTwoFactorStatus(userId, { fresh: true })).enrolled)
    throw new AppError("FORBIDDEN", TWO_FACTOR_FOR_WITHDRAWAL_MESSAGE, { reason: "TWO_FACTOR_REQUIRED" });
}
