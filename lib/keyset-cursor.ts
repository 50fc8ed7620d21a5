// Keyset ("cursor") paging over rows with an ascending integer id, such as ledger entries: a page
// continues after the last row the client saw, so rows written between two reads neither repeat
// nor push others out of the next page, and the database seeks on an index instead of skipping
// `(page - 1) × pageSize` rows. The cursor is opaque to clients (today the row's id as text).
import { z } from "zod";

const INVALID = "cursor tidak valid / invalid cursor";
/** Ledger entry ids are 32-bit integers on PostgreSQL (SERIAL): a larger number is no cursor. */
const MAX_ID = 2_147_483_647;

export const keysetCursor = z
  .string()
  .trim()
  .regex(/^\d{1,10}$/, INVALID)
  .refine((v) => Number(v) <= MAX_ID, INVALID);

/** The id a cursor stands for. */
export function cursorId(cursor: string): number {
  return Number(cursor);
}

/**
 * Splits `rows` (read with `take: pageSize + 1`) into the page and the cursor of the page after it
 * (null on the last page).
 */
export function keysetPage<T extends { id: number }>(rows: T[], pageSize: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, pageSize);
  return { items, nextCursor: rows.length > pageSize && items.length > 0 ? String(items.at(-1)!.id) : null };
}
