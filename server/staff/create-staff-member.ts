// A superadmin adds a staff member with a first password (at least 10 characters), to be passed
// on in person and changed by its holder.
import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { hashPassword } from "../auth/passwords";
import { STAFF_ROLES } from "../auth/permissions";
import { emailSchema } from "../auth/schemas";
import { z } from "zod";

export const createStaffSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(2, "Nama minimal 2 karakter / Name needs at least 2 characters").max(120),
  password: z.string().min(10, "Kata sandi minimal 10 karakter / Password needs at least 10 characters").max(200),
  staffRole: z.enum(STAFF_ROLES),
});

export async function createStaffMember(raw: z.input<typeof createStaffSchema>, actor: Actor) {
  const parsed = createStaffSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "Invalid input");
  const input = parsed.data;
  const passwordHash = await hashPassword(input.password);
  try {
    return await transaction(async (tx) => {
      const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (taken) throw new AppError("CONFLICT", "Email sudah terdaftar / Email is already registered");
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, role: "ADMIN", staffRole: input.staffRole }, select: { id: true } });
      await recordAudit(tx, { actor, action: "staff.created", targetType: "user", targetId: user.id, metadata: { email: input.email, staffRole: input.staffRole } });
      return { userId: user.id };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("CONFLICT", "Email sudah terdaftar / Email is already registered");
    throw error;
  }
}
