// The seeded admins' TOTP secrets (base32). Demo values only, like the seeded passwords: set
// SEED_ADMIN_TOTP_SECRET / SEED_ADMIN2_TOTP_SECRET for anything shared. Imported by the seed and
// by the e2e sign-in helper, which computes the admins' codes from them.
export const SEED_TOTP_DEFAULTS = {
  admin: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
  admin2: "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA",
} as const;

export function seedTotpSecrets(env: Record<string, string | undefined> = process.env) {
  const clean = (value: string | undefined) => value?.replace(/\s+/g, "").toUpperCase() || undefined;
  return {
    admin: clean(env.SEED_ADMIN_TOTP_SECRET) ?? SEED_TOTP_DEFAULTS.admin,
    admin2: clean(env.SEED_ADMIN2_TOTP_SECRET) ?? SEED_TOTP_DEFAULTS.admin2,
  };
}
