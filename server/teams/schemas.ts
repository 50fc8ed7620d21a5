import { z } from "zod";
import { emailSchema } from "../auth/schemas";
import { MEMBER_ROLES } from "../auth/permissions";

export const memberRoleSchema = z.enum(MEMBER_ROLES);
export const inviteSchema = z.object({ email: emailSchema, role: memberRoleSchema });
export const invitationTokenSchema = z.string().trim().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/, "Tautan undangan tidak valid / Invalid invitation link");
export const newMemberSchema = z.object({
  token: invitationTokenSchema,
  name: z.string().trim().min(2, "Nama minimal 2 karakter / Name needs at least 2 characters").max(120),
  password: z
    .string()
    .min(10, "Kata sandi minimal 10 karakter / Password needs at least 10 characters")
    .max(200, "Kata sandi terlalu panjang / Password is too long"),
});
