// A successful sign-in becomes a UserSession row (its id goes into the JWT), a SignInEvent for
// the Security page, an audit entry, and — from a device (user agent + IP) not seen in the
// user's sessions of the last 90 days — a "new sign-in" mail. The very first sign-in of an
// account (right after registering) has nothing to compare with and sends no mail.
import { randomBytes } from "node:crypto";
import { recordAudit } from "../audit";
import { transaction } from "../db";
import { appUrl } from "../env";
import { enqueueMail } from "../mail/enqueue-mail";
import { mailLocale } from "../mail/layout";
import { newSignInMail } from "../mail/templates/new-sign-in";
import { deviceLabel } from "./device-label";

/** As long as the JWT next-auth signs (options.ts); each use moves it on, as the cookie's does. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const KNOWN_DEVICE_DAYS = 90;

export type StartSessionOptions = { userId: string; userAgent?: string | null; ip?: string | null; now?: Date };

export async function startUserSession(opts: StartSessionOptions): Promise<{ sessionId: string; newDeviceMail: boolean }> {
  const now = opts.now ?? new Date();
  const userAgent = opts.userAgent?.slice(0, 500) ?? null;
  const ip = opts.ip ?? null;
  const device = deviceLabel(userAgent);
  const sessionId = randomBytes(24).toString("base64url");
  return transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: opts.userId }, select: { id: true, email: true, name: true, locale: true, merchantId: true } });
    const since = new Date(now.getTime() - KNOWN_DEVICE_DAYS * 24 * 3600_000);
    const [earlier, sameDevice] = await Promise.all([
      tx.userSession.count({ where: { userId: user.id } }),
      tx.userSession.count({ where: { userId: user.id, userAgent, ip, createdAt: { gte: since } } }),
    ]);
    await tx.userSession.create({
      data: { id: sessionId, userId: user.id, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS), userAgent, ip, device },
    });
    await tx.signInEvent.create({ data: { userId: user.id, success: true, ip, userAgent, device, createdAt: now } });
    await recordAudit(tx, {
      actor: { type: "USER", id: user.id },
      action: "auth.login",
      targetType: "user",
      targetId: user.id,
      merchantId: user.merchantId ?? undefined,
      ip: ip ?? undefined,
      metadata: { device },
    });
    const newDeviceMail = earlier > 0 && sameDevice === 0;
    if (newDeviceMail) {
      const locale = mailLocale(user.locale);
      await enqueueMail(tx, {
        kind: "new-sign-in",
        to: user.email,
        locale,
        userId: user.id,
        merchantId: user.merchantId,
        ...newSignInMail(locale, { name: user.name, at: now, device, ip, securityUrl: `${appUrl()}/security` }),
      });
    }
    return { sessionId, newDeviceMail };
  });
}
