// The worker's clean-up of account records: sessions and sign-ins older than the 90 days the
// new-device check and the Security page look at (a session still open is kept), and mailed
// links a day after they expired.
import { db } from "../db";
import { KNOWN_DEVICE_DAYS } from "./start-user-session";

export async function purgeAccountRecords({ now = new Date() }: { now?: Date } = {}): Promise<{ sessions: number; signIns: number; tokens: number }> {
  const cutoff = new Date(now.getTime() - KNOWN_DEVICE_DAYS * 24 * 3600_000);
  const [sessions, signIns, tokens] = await Promise.all([
    db.userSession.deleteMany({ where: { createdAt: { lt: cutoff }, OR: [{ revokedAt: { not: null } }, { expiresAt: { lt: now } }] } }),
    db.signInEvent.deleteMany({ where: { createdAt: { lt: cutoff } } }),
    db.accountToken.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } }),
  ]);
  return { sessions: sessions.count, signIns: signIns.count, tokens: tokens.count };
}
