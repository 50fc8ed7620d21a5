// WIB calendar days for the charts. A day is 00:00–24:00 Asia/Jakarta (UTC+7, no daylight
// saving). The database groups rows by day with one expression per engine (SQLite's `date()`
// understands the ISO text Prisma stores; PostgreSQL's columns are UTC timestamps), so the
// aggregation runs in SQL over the (accountId, createdAt)-style indexes, never over rows in JS.
import { wibDay, wibDayStart } from "../../lib/format";
import { engine, Prisma } from "../db";

const DAY_MS = 24 * 3600_000;

/** The WIB day `offset` days after `day` (`YYYY-MM-DD`). */
export function addWibDays(day: string, offset: number): string {
  return wibDay(new Date(wibDayStart(day).getTime() + offset * DAY_MS));
}

/** The last `count` WIB days up to and including `now`'s, oldest first, with the instants that bound them. */
export function lastWibDays(count: number, now: Date = new Date()) {
  const today = wibDay(now);
  const days = Array.from({ length: count }, (_, i) => addWibDays(today, i - count + 1));
  return { days, from: wibDayStart(days[0]!), before: wibDayStart(addWibDays(today, 1)) };
}

/** SQL that turns a timestamp column (`e."createdAt"`) into its WIB day, `YYYY-MM-DD`, on this engine. */
export function wibDaySql(column: string): Prisma.Sql {
  return engine === "postgres"
    ? Prisma.raw(`to_char(${column} + interval '7 hours', 'YYYY-MM-DD')`)
    : Prisma.raw(`date(${column}, '+7 hours')`);
}

/** A whole number from a raw row (SQLite gives number or bigint, PostgreSQL bigint or a numeric string). */
export function wholeNumber(value: unknown): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value === "bigint") return value;
  if (typeof value === "number") return BigInt(Math.trunc(value));
  return BigInt(String(value));
}
