// The audit log for admins: newest first, filtered by merchant, action (exact, or a prefix
// ending in `.` such as `withdraw.`), actor type and a date range (inclusive days, WIB).
import { db } from "../db";
import { COUNT_TAKE, cappedTotal } from "../../lib/capped-count";
import { pageResult, pageSkip } from "../../lib/pagination";

export const ACTOR_TYPES = ["USER", "API_KEY", "PROVIDER", "WORKER", "SYSTEM"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export type AuditLogFilter = {
  merchantId?: string;
  action?: string;
  actorType?: ActorType;
  /** `YYYY-MM-DD`, from the start of that day in WIB. */
  from?: string;
  /** `YYYY-MM-DD`, to the end of that day in WIB. */
  to?: string;
  page: number;
  pageSize: number;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const wibDayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

/**
 * A page of the log, newest first. `total` counts up to COUNT_CAP rows (`totalCapped` past it): a
 * log of millions of rows is not counted on every page view, and every page the pager offers is an
 * index walk of at most COUNT_CAP rows on the (…, createdAt, id) indexes; older rows are found by
 * narrowing the filter (a date range, a merchant, an action).
 */
export async function listAuditLog(filter: AuditLogFilter) {
  const createdAt: { gte?: Date; lt?: Date } = {};
  if (filter.from && DAY.test(filter.from) && !Number.isNaN(wibDayStart(filter.from).getTime())) createdAt.gte = wibDayStart(filter.from);
  if (filter.to && DAY.test(filter.to) && !Number.isNaN(wibDayStart(filter.to).getTime())) {
    createdAt.lt = new Date(wibDayStart(filter.to).getTime() + 24 * 60 * 60 * 1000);
  }
  const action = filter.action?.trim();
  const where = {
    ...(filter.merchantId ? { merchantId: filter.merchantId } : {}),
    ...(action ? (action.endsWith(".") ? { action: { startsWith: action } } : { action }) : {}),
    ...(filter.actorType ? { actorType: filter.actorType } : {}),
    ...(createdAt.gte || createdAt.lt ? { createdAt } : {}),
  };
  const [counted, rows] = await Promise.all([
    db.auditLog.count({ where, take: COUNT_TAKE }),
    db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: pageSkip(filter), take: filter.pageSize }),
  ]);
  const merchantIds = [...new Set(rows.flatMap((r) => (r.merchantId ? [r.merchantId] : [])))];
  const merchants = merchantIds.length
    ? await db.merchant.findMany({ where: { id: { in: merchantIds } }, select: { id: true, businessName: true } })
    : [];
  const names = new Map(merchants.map((m) => [m.id, m.businessName]));
  const { total, totalCapped } = cappedTotal(counted);
  return {
    ...pageResult(
      rows.map((r) => ({ ...r, merchantName: r.merchantId ? (names.get(r.merchantId) ?? null) : null })),
      total,
      filter,
    ),
    totalCapped,
  };
}

/** The actions recorded so far, for the filter's suggestions. */
export async function listAuditActions(): Promise<string[]> {
  const rows = await db.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
