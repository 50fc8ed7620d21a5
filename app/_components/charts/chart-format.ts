// Axis and tooltip text for the charts: compact rupiah (`Rp 1,2 jt` / `Rp 1.2M`) on axes,
// exact rupiah in tooltips and tables, WIB calendar days as `5 Mar`. Chart values travel as
// decimal strings (exact) and become numbers only to be drawn (exact below 2^53 rupiah).
import { formatRupiah } from "@/lib/format";

const intlLocale = (locale: string) => (locale === "en" ? "en-GB" : "id-ID");

export function compactRupiah(value: number, locale: string): string {
  const text = new Intl.NumberFormat(intlLocale(locale), { notation: "compact", maximumFractionDigits: 1 }).format(Math.abs(value));
  return `${value < 0 ? "-" : ""}Rp ${text}`;
}

export function exactRupiah(value: unknown): string {
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? formatRupiah(Math.round(n)) : "";
}

/** `2026-03-05` → `5 Mar` (the day as written, no zone shift). */
export function shortDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

export const CHART_COLORS = { in: "#15803d", out: "#b91c1c", balance: "#1d4ed8", delivered: "#15803d", failed: "#dc2626", grid: "#e2e8f0", axis: "#475569" };
export const METHOD_COLORS = ["#1d4ed8", "#0891b2", "#7c3aed", "#db2777", "#ea580c", "#15803d", "#ca8a04", "#64748b"];
