import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().email("Email tidak valid / Invalid email").max(190);

export const registerSchema = z.object({
  businessName: z.string().trim().min(2, "Nama usaha minimal 2 karakter / Business name needs at least 2 characters").max(120),
  email: emailSchema,
  password: z
    .string()
    .min(8, "Kata sandi minimal 8 karakter / Password needs at least 8 characters")
    .max(200, "Kata sandi terlalu panjang / Password is too long"),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES);
