// Teams (issue 16): invitations → accept (new and existing user) → role change → removal;
// expired, used and revoked invitations refused; the last owner stays; a removed member's next
// call is refused; switching only to merchants one belongs to.
import { TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import { describe, expect, it } from "vitest";
import { createMerchant } from "./helpers/fixtures";
import { verifyLogin, type SessionUser } from "../server/auth/verify-login";
import { db } from "../server/db";
import { hashInvitationToken } from "../server/teams/invitation-token";
import { createCaller } from "../server/trpc/root";

const sessionOf = (user: SessionUser): Session => ({ user, expires: new Date(Date.now() + 3600_000).toISOString() });
const callerFor = (user: SessionUser) => createCaller({ session: sessionOf(user), ip: "203.0.113.90" });
const publicCaller = () => createCaller({ session: null, ip: "203.0.113.91" });

async function ownerOf(name: string) {
  const m = await createMerchant(name);
  const user: SessionUser = { id: m.userId, email: m.email, name, role: "MERCHANT", merchantId: m.merchantId, locale: "en" };
  return { ...m, user, caller: callerFor(user) };
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return { code: (error as TRPCError).code, message: (error as TRPCError).message };
}

/** Invites `email` and reads the token from the queued mail, as the invitee would from their inbox. */
async function invite(caller: ReturnType<typeof callerFor>, merchantId: string, email: string, role: "owner" | "finance" | "developer" | "viewer") {
  await caller.team.invite({ email, role });
  const mail = await db.mailMessage.findFirstOrThrow({ where: { to: email.toLowerCase(), kind: "invitation", merchantId }, orderBy: { createdAt: "desc" } });
  const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text ?? "")?.[1];
  expect(token).toBeTruthy();
  return { token: token!, mail };
}

const unique = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}@test.saldo`;

describe("invitation lifecycle", () => {
  it("a new person accepts, signs in, gets a role; the owner changes it and removes them; the next call is refused", async () => {
    const owner = await ownerOf("Toko Tim");
    const email = unique("baru");
    const { token, mail } = await invite(owner.caller, owner.merchantId, email, "finance");
    expect(mail.subject).toContain("Toko Tim");
    // Only the hash is stored.
    const stored = await db.invitation.findFirstOrThrow({ where: { merchantId: owner.merchantId, email } });
    expect(stored.tokenHash).toBe(hashInvitationToken(token));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeGreaterThan(6.9 * 24 * 3600_000);

    const preview = await publicCaller().team.previewInvitation({ token });
    expect(preview).toMatchObject({ state: "open", merchantName: "Toko Tim", role: "finance", hasAccount: false, email });

    expect((await failure(publicCaller().team.acceptAsNewUser({ token, name: "Budi", password: "short-9ch" }))).code).toBe("BAD_REQUEST");
    const joined = await publicCaller().team.acceptAsNewUser({ token, name: "Budi Keuangan", password: "budi-password-1" });
    expect(joined.merchantId).toBe(owner.merchantId);

    const login = await verifyLogin({ email, password: "budi-password-1" });
    const member = callerFor(login);
    expect((await member.team.me()).role).toBe("finance");
    expect((await member.wallet.summary()).available).toBe(0n);
    // Finance may not manage the team.
    expect((await failure(member.team.invitations())).code).toBe("FORBIDDEN");

    // Used: a second accept is refused, and the preview says so.
    expect((await failure(publicCaller().team.acceptAsNewUser({ token, name: "Lagi", password: "another-password" }))).code).toBe("CONFLICT");
    expect((await publicCaller().team.previewInvitation({ token })).state).toBe("used");

    await owner.caller.team.changeRole({ userId: login.id, role: "viewer" });
    expect((await member.team.me()).role).toBe("viewer");
    expect((await failure(member.deposits.create({ method: "QRIS", amount: 10_000n, idempotencyKey: crypto.randomUUID() } as never))).code).toBe("FORBIDDEN");

    await owner.caller.team.remove({ userId: login.id });
    // The very next call, with the same session, is refused.
    const refused = await failure(member.wallet.summary());
    expect(refused.code).toBe("FORBIDDEN");
    expect(await db.membership.count({ where: { userId: login.id } })).toBe(0);

    const actions = (await db.auditLog.findMany({ where: { merchantId: owner.merchantId, action: { startsWith: "team." } }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["team.invited", "team.joined", "team.role_changed", "team.member_removed"]));
  });

  it("a person with a login joins a second merchant and switches between them, and only to those", async () => {
    const first = await ownerOf("Toko Pertama");
    const second = await ownerOf("Toko Kedua");
    const stranger = await ownerOf("Toko Asing");
    const { token } = await invite(second.caller, second.merchantId, first.email, "developer");
    expect((await publicCaller().team.previewInvitation({ token })).hasAccount).toBe(true);

    // Someone else signed in cannot use it.
    expect((await failure(stranger.caller.team.acceptAsUser({ token }))).code).toBe("FORBIDDEN");
    await first.caller.team.acceptAsUser({ token });

    // Joining makes the new merchant the active one; the role there is developer.
    let me = await first.caller.team.me();
    expect(me.merchantId).toBe(second.merchantId);
    expect(me.role).toBe("developer");
    expect(me.merchants.map((m) => m.merchantId).sort()).toEqual([first.merchantId, second.merchantId].sort());
    expect((await failure(first.caller.withdrawals.request({ amount: 50_000n, method: "bca", accountNumber: "1234567890", accountName: "A", idempotencyKey: crypto.randomUUID() } as never))).code).toBe("FORBIDDEN");

    await first.caller.team.switchMerchant({ merchantId: first.merchantId });
    me = await first.caller.team.me();
    expect(me).toMatchObject({ merchantId: first.merchantId, role: "owner" });

    // Not a member: refused, and the active merchant stays.
    expect((await failure(first.caller.team.switchMerchant({ merchantId: stranger.merchantId }))).code).toBe("NOT_FOUND");
    expect((await first.caller.team.me()).merchantId).toBe(first.merchantId);
    // Whatever the session's merchantId claims, the membership decides.
    const forged = callerFor({ ...first.user, merchantId: stranger.merchantId });
    expect((await forged.team.me()).merchantId).toBe(first.merchantId);

    // Removed from the active merchant: falls back to the remaining membership at once.
    await first.caller.team.switchMerchant({ merchantId: second.merchantId });
    await second.caller.team.remove({ userId: first.userId });
    expect((await first.caller.team.me()).merchantId).toBe(first.merchantId);
  });

  it("refuses expired, revoked and unknown invitations; resending replaces the link", async () => {
    const owner = await ownerOf("Toko Kedaluwarsa");
    const expired = await invite(owner.caller, owner.merchantId, unique("lama"), "viewer");
    await db.invitation.updateMany({ where: { tokenHash: hashInvitationToken(expired.token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await publicCaller().team.previewInvitation({ token: expired.token })).state).toBe("expired");
    expect((await failure(publicCaller().team.acceptAsNewUser({ token: expired.token, name: "Lama", password: "password-1234" }))).code).toBe("CONFLICT");

    const revokedEmail = unique("batal");
    const revoked = await invite(owner.caller, owner.merchantId, revokedEmail, "viewer");
    const pending = await owner.caller.team.invitations();
    const row = pending.find((i) => i.email === revokedEmail)!;
    await owner.caller.team.revokeInvitation({ id: row.id });
    expect((await publicCaller().team.previewInvitation({ token: revoked.token })).state).toBe("revoked");
    expect((await failure(publicCaller().team.acceptAsNewUser({ token: revoked.token, name: "Batal", password: "password-1234" }))).code).toBe("CONFLICT");
    expect((await failure(owner.caller.team.revokeInvitation({ id: row.id }))).code).toBe("NOT_FOUND");

    expect((await failure(publicCaller().team.previewInvitation({ token: "x".repeat(43) }))).code).toBe("NOT_FOUND");
    expect((await failure(publicCaller().team.previewInvitation({ token: "bad token!" }))).code).toBe("BAD_REQUEST");

    // Resend: the old link stops working, the new one works.
    const resendEmail = unique("ulang");
    const first = await invite(owner.caller, owner.merchantId, resendEmail, "finance");
    const id = (await owner.caller.team.invitations()).find((i) => i.email === resendEmail)!.id;
    await owner.caller.team.resendInvitation({ id });
    const latest = await db.mailMessage.findFirstOrThrow({ where: { to: resendEmail, kind: "invitation" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    const second = /\/invite\/([A-Za-z0-9_-]+)/.exec(latest.text ?? "")![1]!;
    expect(second).not.toBe(first.token);
    expect((await failure(publicCaller().team.previewInvitation({ token: first.token }))).code).toBe("NOT_FOUND");
    expect((await publicCaller().team.previewInvitation({ token: second })).state).toBe("open");

    // Another merchant's owner cannot touch this merchant's invitations.
    const other = await ownerOf("Toko Lain");
    expect((await failure(other.caller.team.revokeInvitation({ id }))).code).toBe("NOT_FOUND");
    // Inviting someone already in the team is refused.
    expect((await failure(owner.caller.team.invite({ email: owner.email, role: "viewer" }))).code).toBe("CONFLICT");
  });

  it("the last owner cannot leave or be demoted; with a second owner they can", async () => {
    const owner = await ownerOf("Toko Pemilik");
    expect(await failure(owner.caller.team.leave())).toMatchObject({ code: "CONFLICT" });
    expect((await failure(owner.caller.team.changeRole({ userId: owner.userId, role: "viewer" }))).code).toBe("CONFLICT");
    expect((await failure(owner.caller.team.remove({ userId: owner.userId }))).code).toBe("CONFLICT");
    expect((await owner.caller.team.me()).role).toBe("owner");

    const { token } = await invite(owner.caller, owner.merchantId, unique("pemilik2"), "owner");
    const joined = await publicCaller().team.acceptAsNewUser({ token, name: "Pemilik Dua", password: "second-owner-1" });
    await owner.caller.team.changeRole({ userId: owner.userId, role: "finance" });
    expect((await owner.caller.team.me()).role).toBe("finance");
    // Now the second owner is the last one.
    const second = callerFor(await verifyLogin({ email: (await db.user.findUniqueOrThrow({ where: { id: joined.userId } })).email, password: "second-owner-1" }));
    expect((await failure(second.team.leave())).code).toBe("CONFLICT");
    await owner.caller.team.leave();
    expect((await failure(owner.caller.wallet.summary())).code).toBe("FORBIDDEN");
    expect((await db.auditLog.count({ where: { merchantId: owner.merchantId, action: "team.left" } }))).toBe(1);
  });
});
