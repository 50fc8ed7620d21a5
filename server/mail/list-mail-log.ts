// The admin mail log: MailMessage metadata, newest first, filtered by status, kind and a
// recipient search. Bodies are never returned (they are blanked after sending anyway).
import { db } from "../db";
import { COUNT_TAKE, cappedTotal } from "../../lib/capped-count";
import { pageResult, pageSkip } from "../../lib/pagination";

export const MAIL_STATUSES = ["pending", "sending", "sent", "kept", "failed"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export type MailLogFilter = { status?: MailStatus; kind?: string; recipient?: string; page: number; pageSize: number };

export async function listMailLog(filter: MailLogFilter) {
  const recipient = filter.recipient?.trim().toLowerCase();
  const where = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    // Addresses are stored lower-case, so a plain `contains` finds them on both engines.
    ...(recipient ? { to: { contains: recipient } } : {}),
  };
  const [counted, rows] = await Promise.all([
    db.mailMessage.count({ where, take: COUNT_TAKE }),
    db.mailMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: pageSkip(filter),
      take: filter.pageSize,
      select: { id: true, to: true, kind: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true, nextAttemptAt: true, merchantId: true },
    }),
  ]);
  const { total, totalCapped } = cappedTotal(counted);
  return { ...pageResult(rows, total, filter), totalCapped };
}

/** The kinds present in the log, for the filter. */
export async function listMailKinds(): Promise<string[]> {
  // GROUP BY in SQL (Prisma's `distinct` would read every row of the log).
  const rows = await db.mailMessage.groupBy({ by: ["kind"], orderBy: { kind: "asc" }, take: 100 });
  return rows.map((r) => r.kind);
}
