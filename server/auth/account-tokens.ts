// Single-use links mailed to a user: 32 random bytes in the link, only their sha256 in the
// database. Consuming is one guarded update (unused, unexpired), so two clicks at once, or a
// replayed link, succeed at most once.
import { createHash, randomBytes } from "node:crypto";
import type { Db, Tx } from "../db";

export type TokenPurpose = "password-reset" | "email-verify";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A token is 43 base64url characters; anything else is not one of ours. */
export const looksLikeToken = (token: unknown): token is string => typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);

/** Makes a new token for `userId`; earlier unused ones of the same purpose stop working. */
export async function issueAccountToken(tx: Tx, opts: { userId: string; purpose: TokenPurpose; ttlMs: number; now: Date }): Promise<string> {
  await tx.accountToken.updateMany({ where: { userId: opts.userId, purpose: opts.purpose, usedAt: null }, data: { usedAt: opts.now } });
  const token = randomBytes(32).toString("base64url");
  await tx.accountToken.create({
    data: { userId: opts.userId, purpose: opts.purpose, tokenHash: hashToken(token), expiresAt: new Date(opts.now.getTime() + opts.ttlMs) },
  });
  return token;
}

/** Uses the token once: the user it belongs to, or null when it is unknown, used or expired. */
export async function consumeAccountToken(tx: Tx, opts: { token: string; purpose: TokenPurpose; now: Date }): Promise<{ userId: string } | null> {
  if (!looksLikeToken(opts.token)) return null;
  const tokenHash = hashToken(opts.token);
  const used = await tx.accountToken.updateMany({
    where: { tokenHash, purpose: opts.purpose, usedAt: null, expiresAt: { gt: opts.now } },
    data: { usedAt: opts.now },
  });
  if (used.count !== 1) return null;
  const row = await tx.accountToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
  return { userId: row.userId };
}

/** Whether the token would still work now (the reset page asks before showing its form). */
export async function accountTokenUsable(db: Db | Tx, opts: { token: string; purpose: TokenPurpose; now: Date }): Promise<boolean> {
  if (!looksLikeToken(opts.token)) return false;
  const row = await db.accountToken.findUnique({ where: { tokenHash: hashToken(opts.token) }, select: { purpose: true, usedAt: true, expiresAt: true } });
  return Boolean(row && row.purpose === opts.purpose && !row.usedAt && row.expiresAt > opts.now);
}
