// The ways to top up, with their limits, fees and lifetimes. Fees are flat rupiah plus basis
// points of the amount, rounded up, all in BigInt. Overridable per method with DEPOSIT_METHODS.
import { z } from "zod";
import { calculateFee } from "../../lib/fees";
import { env } from "../env";
import { AppError } from "../errors";

export const VA_BANKS = ["BNI", "BRI", "MANDIRI", "PERMATA"] as const;
export const METHOD_CODES = ["BANK_TRANSFER", "VA_BNI", "VA_BRI", "VA_MANDIRI", "VA_PERMATA", "QRIS"] as const;
export type MethodCode = (typeof METHOD_CODES)[number];

export type MethodConfig = { code: MethodCode; name: string; flat: bigint; bps: bigint; min: bigint; max: bigint; expiryMinutes: number };

const DEFAULTS: Record<MethodCode, Omit<MethodConfig, "code">> = {
  BANK_TRANSFER: { name: "Transfer Bank (tiket)", flat: 0n, bps: 0n, min: 10_000n, max: 500_000_000n, expiryMinutes: 24 * 60 },
  VA_BNI: { name: "Virtual Account BNI", flat: 4_000n, bps: 0n, min: 10_000n, max: 100_000_000n, expiryMinutes: 24 * 60 },
  VA_BRI: { name: "Virtual Account BRI", flat: 4_000n, bps: 0n, min: 10_000n, max: 100_000_000n, expiryMinutes: 24 * 60 },
  VA_MANDIRI: { name: "Virtual Account Mandiri", flat: 4_000n, bps: 0n, min: 10_000n, max: 100_000_000n, expiryMinutes: 24 * 60 },
  VA_PERMATA: { name: "Virtual Account Permata", flat: 4_000n, bps: 0n, min: 10_000n, max: 100_000_000n, expiryMinutes: 24 * 60 },
  QRIS: { name: "QRIS", flat: 0n, bps: 70n, min: 1_000n, max: 10_000_000n, expiryMinutes: 30 },
};

const overrideSchema = z.partialRecord(
  z.enum(METHOD_CODES),
  z
    .object({
      name: z.string(),
      flat: z.number().int().min(0),
      bps: z.number().int().min(0).max(10_000),
      min: z.number().int().positive(),
      max: z.number().int().positive(),
      expiryMinutes: z.number().positive(),
      enabled: z.boolean(),
    })
    .partial(),
);

function loadMethods(): MethodConfig[] {
  const overrides: Partial<z.infer<typeof overrideSchema>> = env.DEPOSIT_METHODS ? overrideSchema.parse(JSON.parse(env.DEPOSIT_METHODS)) : {};
  return METHOD_CODES.filter((code) => overrides[code]?.enabled !== false).map((code) => {
    const o = overrides[code] ?? {};
    const d = DEFAULTS[code];
    return {
      code,
      name: o.name ?? d.name,
      flat: o.flat !== undefined ? BigInt(o.flat) : d.flat,
      bps: o.bps !== undefined ? BigInt(o.bps) : d.bps,
      min: o.min !== undefined ? BigInt(o.min) : d.min,
      max: o.max !== undefined ? BigInt(o.max) : d.max,
      expiryMinutes: o.expiryMinutes ?? d.expiryMinutes,
    };
  });
}

export const METHODS: readonly MethodConfig[] = loadMethods();

export function methodConfig(code: string): MethodConfig {
  const method = METHODS.find((m) => m.code === code);
  if (!method) {
    throw new AppError("VALIDATION", `Metode tidak tersedia: ${code} / Unknown method. Use one of ${METHODS.map((m) => m.code).join(", ")}`);
  }
  return method;
}

/** fee = flat + ceil(amount × bps / 10 000); total = amount + fee. Exact integers only. */
export function feeFor(method: MethodConfig, amount: bigint): bigint {
  return calculateFee(method.flat, method.bps, amount);
}

/** Checks the amount against the method's limits and prices it. */
export function quote(methodCode: string, amount: bigint) {
  const method = methodConfig(methodCode);
  if (amount < method.min || amount > method.max) {
    throw new AppError(
      "VALIDATION",
      `Nominal untuk ${method.code} harus antara ${method.min} dan ${method.max} / Amount for ${method.code} must be between ${method.min} and ${method.max}`,
      { min: method.min.toString(), max: method.max.toString() },
    );
  }
  const fee = feeFor(method, amount);
  return { method, amount, fee, total: amount + fee };
}

/** A display name for any deposit method, including the direct debits the treasury creates. */
export function methodName(code: string): string {
  if (code === "DIRECT_DEBIT") return "Direct debit (auto top-up)";
  return METHODS.find((m) => m.code === code)?.name ?? code;
}
