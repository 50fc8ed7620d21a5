// Reading values out of a provider's JSON answer, which is `unknown` until checked.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A whole rupiah amount as providers write it: a safe integer, a digit string, or a decimal
 * string with a zero fraction ("44000.00"); null for anything else, fractions included.
 */
export function wholeRupiah(value: unknown): bigint | null {
  const text = typeof value === "number" && Number.isSafeInteger(value) ? String(value) : typeof value === "string" ? value.trim() : null;
  if (text === null) return null;
  const match = /^(\d{1,13})(?:\.0{1,2})?$/.exec(text);
  return match ? BigInt(match[1]!) : null;
}
