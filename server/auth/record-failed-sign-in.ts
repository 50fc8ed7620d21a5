// A wrong password for an existing account, kept for that account's "recent sign-ins" on the
// Security page. An unknown email records nothing (there is no account to show it to).
import { transaction } from "../db";
import { deviceLabel } from "./device-label";

export async function recordFailedSignIn(opts: { email: string; userAgent?: string | null; ip?: string | null; now?: Date }): Promise<void> {
  const email = opts.email.trim().toLowerCase();
  if (!email || email.length > 190) return;
  await transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) return;
    const userAgent = opts.userAgent?.slice(0, 500) ?? null;
    await tx.signInEvent.create({ data: { userId: user.id, success: false, ip: opts.ip ?? null, userAgent, device: deviceLabel(userAgent), createdAt: opts.now ?? new Date() } });
  });
}
