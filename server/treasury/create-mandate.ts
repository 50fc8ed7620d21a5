// Direct-debit mandates: registered once, confirmed with an OTP (the sandbox shows it on screen,
// a real bank would text it), then paused, resumed or revoked by the merchant.
import { randomInt } from "node:crypto";
import type { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { hashOtp, OTP_MINUTES } from "./mandate-otp";
import { mandateInput } from "./schemas";

/** Registers a mandate awaiting its OTP. In sandbox mode the OTP is returned so the page can show it. */
export async function createMandate(merchantId: string, raw: z.input<typeof mandateInput>, actor: Actor) {
  const input = mandateInput.parse(raw);
  const otp = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const mandate = await transaction(async (tx) => {
    const open = await tx.directDebitMandate.count({ where: { merchantId, status: { in: ["pending_otp", "active", "paused", "failing"] } } });
    if (open > 0) throw new AppError("CONFLICT", "Sudah ada mandat; cabut dulu yang lama / A mandate exists already; revoke it first");
    const created = await tx.directDebitMandate.create({ data: { merchantId, ...input, otpExpiresAt: new Date(Date.now() + OTP_MINUTES * 60_000) } });
    await tx.directDebitMandate.update({ where: { id: created.id }, data: { otpHash: hashOtp(created.id, otp) } });
    await recordAudit(tx, { actor, action: "mandate.create", targetType: "mandate", targetId: created.id, merchantId });
    return created;
  });
  return { id: mandate.id, sandboxOtp: env.SANDBOX ? otp : null };
}
