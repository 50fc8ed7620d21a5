// Direct-debit mandates: registered once, confirmed with an OTP (the sandbox shows it on screen,
// a real bank would text it), then paused, resumed or revoked by the merchant.
import { createHash, randomInt } from "node:crypto";
import { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import { db, transaction } from "../db";
import { env } from "../env";
import { AppError } from "../errors";

const OTP_MINUTES = 10;
const hashOtp = (mandateId: string, otp: string) => createHash("sha256").update(`${mandateId}:${otp}`).digest("hex");

export const mandateInput = z.object({
  bankCode: z.enum(["bca", "bni", "bri", "mandiri", "permata"], { message: "Bank tidak didukung / Unsupported bank" }),
  accountNumber: z.string().trim().regex(/^\d{8,16}$/, "Nomor rekening 8–16 digit / Account number must be 8–16 digits"),
  accountName: z.string().trim().min(2, "Nama pemilik rekening wajib diisi / Account name is required").max(100),
  targetBalance: z.bigint().positive().max(1_000_000_000_000n),
  monthlyCap: z.bigint().positive().max(1_000_000_000_000n),
});

export async function listMandates(merchantId: string) {
  return db.directDebitMandate.findMany({
    where: { merchantId, status: { not: "revoked" } },
    orderBy: { createdAt: "desc" },
    select: { id: true, bankCode: true, accountNumber: true, accountName: true, targetBalance: true, monthlyCap: true, status: true, failureReason: true, activatedAt: true, createdAt: true, otpExpiresAt: true },
  });
}

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

export async function confirmMandate(merchantId: string, mandateId: string, otp: string, actor: Actor) {
  return transaction(async (tx) => {
    const mandate = await tx.directDebitMandate.findFirst({ where: { id: mandateId, merchantId } });
    if (!mandate) throw new AppError("NOT_FOUND", "Mandat tidak ditemukan / Mandate not found");
    if (mandate.status !== "pending_otp") throw new AppError("INVALID_STATE", "Mandat sudah dikonfirmasi / Mandate already confirmed");
    if (!mandate.otpExpiresAt || mandate.otpExpiresAt < new Date()) throw new AppError("VALIDATION", "OTP kedaluwarsa; daftarkan ulang / OTP expired; register again");
    if (mandate.otpHash !== hashOtp(mandate.id, otp.trim())) throw new AppError("VALIDATION", "OTP salah / Wrong OTP");
    await tx.directDebitMandate.updateMany({ where: { id: mandate.id, status: "pending_otp" }, data: { status: "active", otpHash: null, activatedAt: new Date() } });
    await recordAudit(tx, { actor, action: "mandate.activate", targetType: "mandate", targetId: mandate.id, merchantId });
    return { status: "active" };
  });
}

const TRANSITIONS = {
  pause: { from: ["active", "failing"], to: "paused" },
  resume: { from: ["paused", "failing"], to: "active" },
  revoke: { from: ["pending_otp", "active", "paused", "failing"], to: "revoked" },
} as const;

export async function changeMandate(merchantId: string, mandateId: string, action: keyof typeof TRANSITIONS, actor: Actor) {
  const { from, to } = TRANSITIONS[action];
  return transaction(async (tx) => {
    const { count } = await tx.directDebitMandate.updateMany({
      where: { id: mandateId, merchantId, status: { in: [...from] } },
      data: { status: to, ...(to === "active" ? { failureReason: null } : {}) },
    });
    if (count === 0) throw new AppError("INVALID_STATE", "Mandat tidak bisa diubah dari status ini / Mandate cannot change from its current status");
    await recordAudit(tx, { actor, action: `mandate.${action}`, targetType: "mandate", targetId: mandateId, merchantId });
    return { status: to };
  });
}
