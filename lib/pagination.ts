// Pages of a list, the same everywhere: the input a list accepts, the rows to skip, and the
// envelope it answers with (`total`, `page`, `pageSize`, `totalPages`, `items`). Lives in lib/
// so every layer may use it, the ledger included.
import { z } from "zod";

/** Page input shared by every list: 1-based page, at most 100 rows. */
export const pageInput = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

export type PageRequest = { page: number; pageSize: number };

export type Page<T> = { total: number; page: number; pageSize: number; totalPages: number; items: T[] };

/** Rows before the requested page (Prisma's `skip`, or the start of a slice). */
export function pageSkip({ page, pageSize }: PageRequest): number {
  return (page - 1) * pageSize;
}

/**
 * How many pages `total` rows fill. The portal's lists count an empty list as one page (the
 * pager shows "1 / 1"); pass `{ emptyIsOnePage: false }` where an empty list has 0 pages (the
 * REST withdraw history's `total_pages`, as API.md documents).
 */
export function pageCount(total: number, pageSize: number, { emptyIsOnePage = true }: { emptyIsOnePage?: boolean } = {}): number {
  const pages = Math.ceil(total / pageSize);
  return emptyIsOnePage ? Math.max(1, pages) : pages;
}

/** The envelope a paged list answers with; a page past the end has no items and the true total. */
export function pageResult<T>(items: T[], total: number, { page, pageSize }: PageRequest): Page<T> {
  return { total, page, pageSize, totalPages: pageCount(total, pageSize), items };
}
