// A calendar day as pages, routes and REST inputs send it: `YYYY-MM-DD`, a real date (no
// 2024-13-45, no 2023-02-29 — JavaScript would roll those over or make an Invalid Date that
// reaches the database as an error), years 2000–2999. The one check every date input shares.
import { z } from "zod";

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real `YYYY-MM-DD` calendar day between 2000-01-01 and 2999-12-31. */
export function isWibDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = SHAPE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The zod schema of a WIB calendar day (`YYYY-MM-DD`). */
export const wibDate = z.string().refine(isWibDate, { message: "Tanggal tidak valid, format YYYY-MM-DD / Invalid date, use YYYY-MM-DD" });
