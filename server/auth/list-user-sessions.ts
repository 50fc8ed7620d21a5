// The Security page: the user's open sessions (the current one marked) and recent sign-ins.
import { db } from "../db";
import { pageResult, pageSkip, type Page, type PageRequest } from "../../lib/pagination";

export type SessionView = { id: string; device: string; ip: string | null; createdAt: Date; lastSeenAt: Date; current: boolean };

/** Open sessions (not revoked, not expired), newest first; at most 100 (nobody has more browsers than that). */
export async function listUserSessions(opts: { userId: string; currentSessionId?: string; now?: Date }): Promise<SessionView[]> {
  const now = opts.now ?? new Date();
  const rows = await db.userSession.findMany({
    where: { userId: opts.userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, device: true, ip: true, createdAt: true, lastSeenAt: true },
  });
  return rows.map((r) => ({ ...r, current: r.id === opts.currentSessionId })).sort((a, b) => Number(b.current) - Number(a.current));
}

export type SignInView = { id: string; createdAt: Date; device: string; ip: string | null; success: boolean };

export async function listSignIns(opts: { userId: string } & PageRequest): Promise<Page<SignInView>> {
  const where = { userId: opts.userId };
  const [items, total] = await Promise.all([
    db.signInEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: pageSkip(opts),
      take: opts.pageSize,
      select: { id: true, createdAt: true, device: true, ip: true, success: true },
    }),
    db.signInEvent.count({ where }),
  ]);
  return pageResult(items, total, opts);
}
