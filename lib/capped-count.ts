// Lists over very large tables (a merchant's ledger entries, the audit log) count their rows only
// up to a cap. COUNT(*) reads every matching index entry on every page view — over a million
// ledger rows that alone is seconds — while the pager only needs to know how many pages it can
// offer. Past the cap a list answers `total: COUNT_CAP` and `totalCapped: true` (the pager offers
// COUNT_CAP / pageSize pages; a page can show "10.000+"), and older rows are reached with the keyset
// cursor (`nextCursor`) or by narrowing the filter (a period, a merchant, an action).
export const COUNT_CAP = 10_000;

/** Pass as Prisma `count({ where, take: COUNT_TAKE })`: counts at most one row past the cap. */
export const COUNT_TAKE = COUNT_CAP + 1;

export function cappedTotal(counted: number): { total: number; totalCapped: boolean } {
  return { total: Math.min(counted, COUNT_CAP), totalCapped: counted > COUNT_CAP };
}
