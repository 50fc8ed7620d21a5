// Password rules for registration, reset and change: at least 10 characters and not one of the
// most common passwords. The list is zxcvbn-ts's (@zxcvbn-ts/language-common: the most used
// passwords from public breach corpora), kept up to date by that project rather than by us.
import { dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "../errors";
import { PASSWORD_MAX, PASSWORD_MIN } from "./schemas";

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

export type PasswordProblem = "too_short" | "too_long" | "common";

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Kata sandi minimal ${PASSWORD_MIN} karakter / Password needs at least ${PASSWORD_MIN} characters`,
  too_long: "Kata sandi terlalu panjang / Password is too long",
  common: "Kata sandi ini terlalu umum dan mudah ditebak; pilih yang lain / This password is too common and easy to guess; choose another",
};

/** Why a password is not allowed, or null when it is. */
export function passwordProblem(password: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN) return "too_short";
  if (password.length > PASSWORD_MAX) return "too_long";
  if (commonPasswords().has(password.toLowerCase())) return "common";
  return null;
}

export function assertPasswordAllowed(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new AppError("VALIDATION", PASSWORD_MESSAGES[problem], { field: "password", problem });
}
