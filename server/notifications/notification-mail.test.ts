// Notification mails (issue 16) against a real database, SQLite and PostgreSQL: who receives
// which mail, in which language, queued in the transaction of the change (and not when it rolls
// back); low balance once per crossing; "endpoint failing for an hour" once per failing spell;
// the admin mail log.
import { randomUUID } from "node:crypto";
import type { Session } from "next-auth";
import { describe, expect, it } from "vitest";
import { createMerchant, fund, enrolTwoFactor } from "../../tests/helpers/fixtures";
import type { Actor } from "../audit";
import { db, engine, transaction } from "../db";
import { AppError } from "../errors";
import { sandboxPayoutProvider } from "../providers/sandbox/payout";
import { setLowBalanceThreshold } from "../treasury/set-low-balance-threshold";
import { createCaller } from "../trpc/root";
import { checkFailingEndpoints } from "../webhooks/check-failing-endpoints";
import { approveWithdrawal } from "../withdrawals/approve-withdrawal";
import { decideWithdrawalsInBulk } from "../withdrawals/decide-withdrawals-in-bulk";
import { rejectWithdrawal } from "../withdrawals/reject-withdrawal";
import { requestWithdrawal } from "../withdrawals/request-withdrawal";
import { getNotificationPreferences } from "./get-notification-preferences";
import { queueBatchReportReadyMail } from "./queue-batch-report-ready-mail";
import { saveNotificationPreferences } from "./save-notification-preferences";
import { queueWithdrawalApprovedMail } from "./withdrawal-decision-mails";

const farFuture = () => new Date(Date.now() + 3_600_000).toISOString();

async function admin(): Promise<{ actor: Actor; id: string; email: string }> {
  const user = await db.user.create({ data: { email: `admin-${randomUUID()}@saldo.test`, name: "Admin", passwordHash: "x", role: "ADMIN" } });
  await enrolTwoFactor(user.id); // every admin has two-factor
  return { actor: { type: "USER", id: user.id }, id: user.id, email: user.email };
}

/** A merchant with two users: the owner (Indonesian) and a second one who reads English. */
async function merchantWithTwoUsers(name = "Toko Surat") {
  const m = await createMerchant(name);
  const second = await db.user.create({ data: { email: `en-${randomUUID()}@test.saldo`, name: "Ellen", passwordHash: "x", role: "MERCHANT", merchantId: m.merchantId, locale: "en" } });
  await db.membership.create({ data: { userId: second.id, merchantId: m.merchantId, role: "finance" } });
  return { ...m, ownerEmail: m.email.toLowerCase(), secondId: second.id, secondEmail: second.email.toLowerCase() };
}

async function withdraw(merchantId: string, amount: number) {
  const { withdrawal } = await requestWithdrawal({ merchantId, amount, accountNumber: "081234567890", accountName: "Budi Santoso", method: "dana", actor: { type: "USER", id: merchantId } });
  return withdrawal;
}

// Notification mail only: registering a merchant also queues its owner's email verification.
const mailsOf = (merchantId: string, kind?: string) => db.mailMessage.findMany({ where: { merchantId, kind: kind ?? { not: "email-verification" } }, orderBy: { to: "asc" } });

describe(`notification mails on ${engine}`, () => {
  it("approving a withdrawal mails every user once, each in their language, with the amount", async () => {
    const m = await merchantWithTwoUsers();
    await fund(m.merchantId, 2_000_000);
    const w = await withdraw(m.merchantId, 1_250_000);
    const { actor } = await admin();
    await approveWithdrawal({ withdrawalId: w.id, actor, payouts: sandboxPayoutProvider });
    const mails = await mailsOf(m.merchantId, "withdrawal-approved");
    expect(mails.map((x) => x.to).sort()).toEqual([m.ownerEmail, m.secondEmail].sort());
    const owner = mails.find((x) => x.to === m.ownerEmail)!;
    const second = mails.find((x) => x.to === m.secondEmail)!;
    expect(owner).toMatchObject({ locale: "id", subject: "Penarikan disetujui: Rp 1.250.000", userId: m.userId });
    expect(owner.text).toContain("WIB");
    expect(owner.text).toContain("/withdrawals");
    expect(second).toMatchObject({ locale: "en", subject: "Withdrawal approved: Rp 1.250.000", userId: m.secondId });
    // A second approval is refused and mails nobody again.
    await expect(approveWithdrawal({ withdrawalId: w.id, actor, payouts: sandboxPayoutProvider })).rejects.toBeInstanceOf(AppError);
    expect(await mailsOf(m.merchantId, "withdrawal-approved")).toHaveLength(2);
  });

  it("a payout the provider refuses after approval mails the rejection with the provider's reason", async () => {
    const m = await merchantWithTwoUsers();
    await fund(m.merchantId, 300_000);
    const w = await withdraw(m.merchantId, 42_000);
    const { actor } = await admin();
    const refusing = { name: "sandbox", sendPayout: async () => ({ status: "refused" as const, reason: "Rekening tidak ditemukan" }) };
    await approveWithdrawal({ withdrawalId: w.id, actor, payouts: refusing });
    expect(await mailsOf(m.merchantId, "withdrawal-approved")).toHaveLength(2);
    const rejected = await mailsOf(m.merchantId, "withdrawal-rejected");
    expect(rejected).toHaveLength(2);
    expect(rejected.find((x) => x.to === m.ownerEmail)!.text).toContain("Catatan: Rekening tidak ditemukan");
    expect(rejected.find((x) => x.to === m.secondEmail)!.subject).toBe("Withdrawal rejected: Rp 42.000");
  });

  it("rejecting a withdrawal (alone and from the desk's bulk path) mails the note and the amount", async () => {
    const m = await merchantWithTwoUsers();
    await fund(m.merchantId, 500_000);
    const [a, b] = [await withdraw(m.merchantId, 100_000), await withdraw(m.merchantId, 75_500)];
    const { actor } = await admin();
    await rejectWithdrawal({ withdrawalId: a.id, note: "Nama rekening tidak cocok", actor });
    await decideWithdrawalsInBulk({ action: "reject", ids: [b.id], note: "Bulk: duplicate request", actor });
    const mails = await mailsOf(m.merchantId, "withdrawal-rejected");
    expect(mails).toHaveLength(4);
    const ownerA = mails.find((x) => x.to === m.ownerEmail && x.subject.includes("100.000"))!;
    expect(ownerA.subject).toBe("Penarikan ditolak: Rp 100.000");
    expect(ownerA.text).toContain("Catatan: Nama rekening tidak cocok");
    expect(ownerA.html).toContain("Nama rekening tidak cocok");
    const secondB = mails.find((x) => x.to === m.secondEmail && x.subject.includes("75.500"))!;
    expect(secondB.subject).toBe("Withdrawal rejected: Rp 75.500");
    expect(secondB.text).toContain("Note: Bulk: duplicate request");
  });

  it("a rolled-back decision queues no mail", async () => {
    const m = await merchantWithTwoUsers();
    await fund(m.merchantId, 300_000);
    const w = await withdraw(m.merchantId, 50_000);
    await expect(
      transaction(async (tx) => {
        expect(await queueWithdrawalApprovedMail(tx, w)).toBe(2);
        throw new Error("the approval failed after the mail was queued");
      }),
    ).rejects.toThrow("the approval failed");
    expect(await mailsOf(m.merchantId)).toHaveLength(0);
    // A suspended merchant's withdrawal cannot be approved: refused, and no mail.
    await db.merchant.update({ where: { id: m.merchantId }, data: { status: "SUSPENDED" } });
    const { actor } = await admin();
    await expect(approveWithdrawal({ withdrawalId: w.id, actor, payouts: sandboxPayoutProvider })).rejects.toBeInstanceOf(AppError);
    expect(await mailsOf(m.merchantId)).toHaveLength(0);
  });

  it("preferences: an unticked user receives nothing, an extra address receives, and saving is audited", async () => {
    const m = await merchantWithTwoUsers();
    await fund(m.merchantId, 300_000);
    const before = await getNotificationPreferences(m.merchantId);
    expect(before.kinds.every((k) => k.users.every((u) => u.enabled) && k.extraEmails.length === 0)).toBe(true);
    const actor: Actor = { type: "USER", id: m.userId };
    const saved = await saveNotificationPreferences(
      m.merchantId,
      {
        kinds: [
          {
            kind: "withdrawal-decided",
            users: [
              { userId: m.userId, enabled: false },
              { userId: m.secondId, enabled: true },
            ],
            extraEmails: ["Finance@Company.co.id"],
          },
        ],
      },
      actor,
    );
    const decided = saved.kinds.find((k) => k.kind === "withdrawal-decided")!;
    expect(decided.users.find((u) => u.userId === m.userId)!.enabled).toBe(false);
    expect(decided.extraEmails).toEqual(["finance@company.co.id"]);
    const w = await withdraw(m.merchantId, 20_000);
    const { actor: adminActor } = await admin();
    await rejectWithdrawal({ withdrawalId: w.id, note: "Tidak sesuai", actor: adminActor });
    const mails = await mailsOf(m.merchantId, "withdrawal-rejected");
    expect(mails.map((x) => x.to).sort()).toEqual(["finance@company.co.id", m.secondEmail].sort());
    expect(mails.find((x) => x.to === "finance@company.co.id")!.locale).toBe("id");
    // Other kinds keep the default: everyone.
    expect(await transaction((tx) => queueBatchReportReadyMail(tx, { merchantId: m.merchantId, batchId: "b1", url: "http://x/r.csv", rows: 3, succeeded: 2, failed: 1 }))).toBe(2);
    const audit = await db.auditLog.findFirst({ where: { merchantId: m.merchantId, action: "notifications.preferences_saved" } });
    expect(audit?.actorId).toBe(m.userId);
  });

  it("preferences refuse a stranger's user, a bad address and more than five extra addresses", async () => {
    const m = await merchantWithTwoUsers();
    const other = await createMerchant("Toko Lain");
    const actor: Actor = { type: "USER", id: m.userId };
    const save = (users: { userId: string; enabled: boolean }[], extraEmails: string[]) => saveNotificationPreferences(m.merchantId, { kinds: [{ kind: "low-balance", users, extraEmails }] }, actor);
    await expect(save([{ userId: other.userId, enabled: true }], [])).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(save([], ["not-an-address"])).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(save([], ["a@x.co", "b@x.co", "c@x.co", "d@x.co", "e@x.co", "f@x.co"])).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db.notificationPreference.count({ where: { merchantId: m.merchantId } })).toBe(0);
  });

  it("batch report ready: one mail per recipient with the counts and the link", async () => {
    const m = await merchantWithTwoUsers();
    const queued = await transaction((tx) => queueBatchReportReadyMail(tx, { merchantId: m.merchantId, batchId: "batch_42", url: "http://localhost:3000/withdrawals/batches/batch_42/report", rows: 1200, succeeded: 1195, failed: 5 }));
    expect(queued).toBe(2);
    const mails = await mailsOf(m.merchantId, "batch-report-ready");
    expect(mails.find((x) => x.to === m.secondEmail)!.subject).toBe("Batch report ready: 1.195 of 1.200 succeeded");
    const owner = mails.find((x) => x.to === m.ownerEmail)!;
    expect(owner.subject).toBe("Laporan batch siap: 1.195 dari 1.200 berhasil");
    expect(owner.text).toContain("http://localhost:3000/withdrawals/batches/batch_42/report");
  });

  it("low balance mails once per crossing, following the alert's hysteresis", async () => {
    const m = await merchantWithTwoUsers();
    await fund(m.merchantId, 150_000);
    await setLowBalanceThreshold(m.merchantId, 100_000n, { type: "USER", id: m.userId });
    expect(await mailsOf(m.merchantId, "low-balance")).toHaveLength(0);
    await withdraw(m.merchantId, 60_000); // below the threshold: one alert
    const first = await mailsOf(m.merchantId, "low-balance");
    expect(first).toHaveLength(2);
    expect(first.find((x) => x.to === m.secondEmail)!.subject).toMatch(/^Low balance: Rp \d{2}\.\d{3}$/);
    expect(first.find((x) => x.to === m.ownerEmail)!.text).toContain("Rp 100.000");
    await withdraw(m.merchantId, 10_000); // still low: no new mail
    expect(await mailsOf(m.merchantId, "low-balance")).toHaveLength(2);
    await fund(m.merchantId, 200_000); // back above: re-armed
    expect(await mailsOf(m.merchantId, "low-balance")).toHaveLength(2);
    await withdraw(m.merchantId, 250_000); // below again: a second crossing
    expect(await mailsOf(m.merchantId, "low-balance")).toHaveLength(4);
  });

  it("an endpoint failing for an hour is mailed once per failing spell, again after a success", async () => {
    const m = await merchantWithTwoUsers();
    const endpoint = await db.webhookEndpoint.create({ data: { merchantId: m.merchantId, url: "https://receiver.test/hook", secret: "whsec_test" } });
    const t0 = new Date("2026-11-01T00:00:00Z");
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    const event = await db.outboxEvent.create({ data: { id: `evt_${randomUUID()}`, merchantId: m.merchantId, type: "invoice.paid", data: "{}", status: "pending", attempts: 1, createdAt: t0 } });
    const attempt = (minute: number, statusCode: number | null) =>
      db.deliveryAttempt.create({ data: { eventId: event.id, attempt: 1, url: endpoint.url, statusCode, latencyMs: 5, error: statusCode === null ? "connect ECONNREFUSED" : null, createdAt: at(minute) } });
    const failing = () => mailsOf(m.merchantId, "callback-endpoint-failing");

    await attempt(0, 200); // healthy
    await attempt(10, 500); // the spell starts
    await attempt(40, null);
    expect(await checkFailingEndpoints({ now: at(60) })).toBe(0); // failing for 50 minutes only
    await attempt(65, 503);
    expect(await checkFailingEndpoints({ now: at(71) })).toBe(1);
    const mails = await failing();
    expect(mails).toHaveLength(2);
    expect(mails.find((x) => x.to === m.secondEmail)!.subject).toBe("Callback endpoint failing for an hour");
    expect(mails.find((x) => x.to === m.ownerEmail)!.text).toContain("https://receiver.test/hook");
    // Still failing an hour later: the same spell, no second mail.
    await attempt(130, 500);
    expect(await checkFailingEndpoints({ now: at(135) })).toBe(0);
    expect(await failing()).toHaveLength(2);
    // A delivery succeeds, then it fails again for over an hour: a new spell, a new mail.
    await attempt(140, 204);
    await attempt(150, 500);
    expect(await checkFailingEndpoints({ now: at(200) })).toBe(0);
    await attempt(215, 500);
    expect(await checkFailingEndpoints({ now: at(216) })).toBe(1);
    expect(await failing()).toHaveLength(4);
    // No attempt in the last hour (nothing is being tried): not reported.
    const quiet = await merchantWithTwoUsers("Toko Sepi");
    await db.webhookEndpoint.create({ data: { merchantId: quiet.merchantId, url: "https://quiet.test/hook", secret: "whsec_q" } });
    const qe = await db.outboxEvent.create({ data: { id: `evt_${randomUUID()}`, merchantId: quiet.merchantId, type: "invoice.paid", data: "{}", status: "pending", attempts: 1, createdAt: t0 } });
    await db.deliveryAttempt.create({ data: { eventId: qe.id, attempt: 1, url: "https://quiet.test/hook", statusCode: 500, latencyMs: 5, createdAt: at(0) } });
    expect(await checkFailingEndpoints({ now: at(300) })).toBe(0);
    expect(await mailsOf(quiet.merchantId)).toHaveLength(0);
  });

  it("the admin mail log lists and filters, retries a failed mail (audited), and is refused to a merchant", async () => {
    const m = await merchantWithTwoUsers("Toko Log");
    await transaction((tx) => queueBatchReportReadyMail(tx, { merchantId: m.merchantId, batchId: "b", url: "http://x/r", rows: 1, succeeded: 1, failed: 0 }));
    const failed = await db.mailMessage.findFirstOrThrow({ where: { merchantId: m.merchantId, to: m.secondEmail } });
    await db.mailMessage.update({ where: { id: failed.id }, data: { status: "failed", attempts: 5, lastError: "550 mailbox unavailable", text: null, html: null } });
    const a = await admin();
    const adminSession = { user: { id: a.id, email: a.email, name: "Admin", role: "ADMIN", merchantId: null, locale: "en" }, expires: farFuture() } as Session;
    const caller = createCaller({ session: adminSession, ip: "203.0.113.50" });

    const bySearch = await caller.mailLog.list({ recipient: m.secondEmail.toUpperCase(), page: 1, pageSize: 20 });
    expect(bySearch.items).toHaveLength(1);
    expect(bySearch.items[0]).toMatchObject({ id: failed.id, status: "failed", attempts: 5, lastError: "550 mailbox unavailable", kind: "batch-report-ready" });
    expect(bySearch.items[0]).not.toHaveProperty("text");
    const byStatus = await caller.mailLog.list({ status: "failed", kind: "batch-report-ready", page: 1, pageSize: 100 });
    expect(byStatus.items.map((x) => x.id)).toContain(failed.id);
    expect(byStatus.items.every((x) => x.status === "failed" && x.kind === "batch-report-ready")).toBe(true);
    const pending = await caller.mailLog.list({ status: "pending", kind: "batch-report-ready", recipient: m.ownerEmail, page: 1, pageSize: 20 });
    expect(pending.items).toHaveLength(1);
    expect(await caller.mailLog.kinds()).toContain("batch-report-ready");

    await caller.mailLog.retry({ id: failed.id });
    const retried = await db.mailMessage.findUniqueOrThrow({ where: { id: failed.id } });
    expect(retried.status).toBe("pending");
    expect(retried.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await db.auditLog.count({ where: { action: "mail.retry", targetId: failed.id, actorId: a.id } })).toBe(1);
    await expect(caller.mailLog.retry({ id: failed.id })).rejects.toMatchObject({ code: "CONFLICT" });

    const merchantSession = { user: { id: m.userId, email: m.email, name: "Toko", role: "MERCHANT", merchantId: m.merchantId, locale: "id" }, expires: farFuture() } as Session;
    const merchant = createCaller({ session: merchantSession, ip: "203.0.113.51" });
    await expect(merchant.mailLog.list({ page: 1, pageSize: 20 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(merchant.mailLog.retry({ id: failed.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // And the merchant's own procedure works for it.
    const prefs = await merchant.notificationPreferences.get();
    expect(prefs.users.map((u) => u.userId)).toContain(m.secondId);
  });
});
