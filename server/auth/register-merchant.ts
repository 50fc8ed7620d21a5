// Sign-up: one merchant, its first user and its ledger accounts, created together, and the
// verification mail queued in the same transaction.
import { recordAudit } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { openMerchantAccounts } from "../ledger";
import { assertPasswordAllowed } from "./password-rules";
import { hashPassword } from "./passwords";
import { registerSchema, type RegisterInput } from "./schemas";
import { queueEmailVerification } from "./send-email-verification";

export async function registerMerchant(raw: RegisterInput, context: { ip?: string } = {}) {
  const parsed = registerSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "Invalid input");
  const input = parsed.data;
  assertPasswordAllowed(input.password);
  const passwordHash = await hashPassword(input.password);
  try {
    return await transaction(async (tx) => {
      const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (taken) throw new AppError("CONFLICT", "Email sudah terdaftar / Email is already registered");
      const merchant = await tx.merchant.create({ data: { businessName: input.businessName } });
      const user = await tx.user.create({
        data: { email: input.email, name: input.businessName, passwordHash, role: "MERCHANT", merchantId: merchant.id, activeMerchantId: merchant.id },
      });
      // Whoever signs a merchant up owns it (teams: server/auth/permissions.ts).
      await tx.membership.create({ data: { userId: user.id, merchantId: merchant.id, role: "owner" } });
      await openMerchantAccounts(tx, merchant.id);
      await queueEmailVerification(tx, user);
      await recordAudit(tx, {
        actor: { type: "USER", id: user.id },
        action: "auth.register",
        targetType: "merchant",
        targetId: merchant.id,
        merchantId: merchant.id,
        ip: context.ip,
      });
      return { userId: user.id, merchantId: merchant.id };
    });
  } catch (error) {
    // A concurrent sign-up with the same email loses on the unique index.
    if ((error as { code?: string }).code === "P2002") throw new AppError("CONFLICT", "Email sudah terdaftar / Email is already registered");
    throw error;
  }
}
