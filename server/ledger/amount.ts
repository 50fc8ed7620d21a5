import { z } from "zod";
import { AppError } from "../errors";

/** The largest single amount the ledger accepts: 10^12 rupiah (one trillion). */
export const MAX_AMOUNT = 1_000_000_000_000n;

/** A positive whole-rupiah BigInt up to MAX_AMOUNT: the schema for every amount a page sends. */
export const rupiah = z.bigint().positive().max(MAX_AMOUNT);

/** Coerces a whole-rupiah amount to BigInt, refusing fractions, non-numbers and out-of-range values. */
export function toRupiah(value: bigint | number | string, { allowZero = false } = {}): bigint {
  let amount: bigint;
  if (typeof value === "bigint") amount = value;
  else if (typeof value === "number" && Number.isSafeInteger(value)) amount = BigInt(value);
  else if (typeof value === "string" && /^-?\d+$/.test(value.trim())) amount = BigInt(value.trim());
  else throw new AppError("VALIDATION", "Nominal harus bilangan bulat rupiah / Amount must be a whole rupiah number");
  const magnitude = amount < 0n ? -amount : amount;
  if (magnitude > MAX_AMOUNT) throw new AppError("VALIDATION", "Nominal terlalu besar / Amount is too large");
  if (!allowZero && amount === 0n) throw new AppError("VALIDATION", "Nominal tidak boleh nol / Amount must not be zero");
  return amount;
}

export function positiveRupiah(value: bigint | number | string): bigint {
  const amount = toRupiah(value);
  if (amount <= 0n) throw new AppError("VALIDATION", "Nominal harus lebih dari nol / Amount must be greater than zero");
  return amount;
}
