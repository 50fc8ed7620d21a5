import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().email("Email tidak valid / Invalid email").max(190);

// Password rules the browser can check too; the common-password list is checked on the server
// (server/auth/password-rules.ts), which keeps that list out of the page bundle.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `Kata sandi minimal ${PASSWORD_MIN} karakter / Password needs at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, "Kata sandi terlalu panjang / Password is too long");

export const registerSchema = z.object({
  businessName: z.string().trim().min(2, "Nama usaha minimal 2 karakter / Business name needs at least 2 characters").max(120),
  email: emailSchema,
  password: newPasswordSchema,
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES);
