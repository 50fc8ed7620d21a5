// The one place amounts and times are turned into text. Amounts stay exact integers
// (BigInt) until here; times are shown in WIB (Asia/Jakarta), whatever the server's zone.
export const TIME_ZONE = "Asia/Jakarta";
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

const rupiahDigits = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });

/** `Rp 1.000.000`, `-Rp 5.000`. Accepts BigInt, integer numbers and integer strings. */
export function formatRupiah(value: bigint | number | string): string {
  const amount = typeof value === "bigint" ? value : BigInt(value);
  const sign = amount < 0n ? "-" : "";
  return `${sign}Rp ${rupiahDigits.format(amount < 0n ? -amount : amount)}`;
}

/** `+Rp 10.000` / `-Rp 10.000` for ledger lines. */
export function formatSignedRupiah(value: bigint): string {
  return value > 0n ? `+${formatRupiah(value)}` : formatRupiah(value);
}

const intlLocale = (locale: string) => (locale === "en" ? "en-GB" : "id-ID");

/** `21 Nov 2026 22.57 WIB` (id) or `21 Nov 2026, 22:57 WIB` (en). */
export function formatWib(value: Date | string | number, locale = "id"): string {
  const date = value instanceof Date ? value : new Date(value);
  const text = new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: TIME_ZONE,
    day: "2-digit",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(date);
  return `${text} WIB`;
}

export function formatWibDate(value: Date | string | number, locale = "id"): string {
  const date = value instanceof Date ? value : new Date(value);
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, day: "2-digit", month: "short", year: "numeric" }).format(date);
}

/** `2025-01-01 12:00:00` in WIB — the format seed 003 uses for `expired_at` and `created_at`. */
export function formatWibSql(value: Date | string | number): string {
  const date = value instanceof Date ? value : new Date(value);
  // WIB is UTC+7 all year (no daylight saving): shifting the instant is exact, and far cheaper than
  // an Intl formatter on the paths that format every row (callbacks, lists).
  return new Date(date.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** The WIB calendar day of an instant, `YYYY-MM-DD`. */
export function wibDay(value: Date = new Date()): string {
  return formatWibSql(value).slice(0, 10);
}

/** The instant a WIB day (`YYYY-MM-DD`) starts. WIB is UTC+7 all year (no daylight saving). */
export function wibDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** Minutes since WIB midnight. */
export function wibMinuteOfDay(value: Date = new Date()): number {
  const [h, m] = formatWibSql(value).slice(11, 16).split(":").map(Number);
  return h! * 60 + m!;
}

/** Reads a whole-rupiah amount typed by a person ("150000", "150.000", "Rp 150.000"); null if it is not one. */
export function parseWholeRupiah(text: string): bigint | null {
  const digits = text.replace(/^\s*Rp\s*/i, "").replace(/[.\s]/g, "");
  return /^\d{1,13}$/.test(digits) ? BigInt(digits) : null;
}
