// Invitation tokens: 256 random bits in the link; only their sha256 is stored, so a database
// reader cannot join a merchant.
import { createHash, randomBytes } from "node:crypto";

export const INVITATION_DAYS = 7;

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationExpiry(now = new Date()): Date {
  return new Date(now.getTime() + INVITATION_DAYS * 24 * 3600_000);
}
