// The approval desk and maker-checker (issue 15) against a real database, SQLite and PostgreSQL:
// bulk decisions racing between two admins, withdrawals that need two admins, the queue's risk
// hints and filters, and manual adjustments that need two admins. Ledger invariants at the end.
import { describe, expect, it } from "vitest";
import { createMerchant, fund } from "../../tests/helpers/fixtures";
import type { Actor } from "../audit";
import { db, engine } from "../db";
import { AppError } from "../errors";
import { balanceOf, verifyInvariants } from "../ledger";
import { approveAdjustment } from "../merchants/approve-adjustment";
import { listAdjustmentRequests } from "../merchants/list-adjustment-requests";
import { rejectAdjustment } from "../merchants/reject-adjustment";
import { requestAdjustment } from "../merchants/request-adjustment";
import { setAutoApproveLimit } from "../merchants/set-auto-approve";
import { sandboxPayoutProvider } from "../providers/sandbox/payout";
import type { PayoutProvider, PayoutRequest } from "../providers/types";
import { approveWithdrawal } from "./approve-withdrawal";
import { decideWithdrawalsInBulk, type BulkOutcome } from "./decide-withdrawals-in-bulk";
import { giveWithdrawalApproval } from "./give-withdrawal-approval";
import { listWithdrawalQueue } from "./list-withdrawal-queue";
import { requestWithdrawal } from "./request-withdrawal";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let adminCount = 0;

/** A real admin user (the approval list shows their names). */
async function createAdmin(name: string): Promise<Actor> {
  adminCount += 1;
  const user = await db.user.create({ data: { email: `desk-admin-${adminCount}-${Date.now()}@test.saldo`, passwordHash: "x", name, role: "ADMIN" } });
  return { type: "USER", id: user.id };
}

function countingPayouts(delayMs = 0) {
  const calls: PayoutRequest[] = [];
  const provider: PayoutProvider = {
    name: "sandbox",
    async sendPayout(request) {
      calls.push(request);
      if (delayMs) await sleep(delayMs);
      return sandboxPayoutProvider.sendPayout(request);
    },
  };
  return { provider, calls };
}

async function withdraw(merchantId: string, amount: number, accountNumber = "081234567890", method?: string) {
  const { withdrawal } = await requestWithdrawal({ merchantId, amount, accountNumber, accountName: "Budi Santoso", method, actor: { type: "USER", id: merchantId } });
  return withdrawal;
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const holdPosts = (withdrawalId: string) => db.ledgerJournal.count({ where: { type: "HOLD_POST", reference: withdrawalId } });

describe(`approval desk and maker-checker on ${engine}`, () => {
  it("two admins bulk-approve the same rows at once: each withdrawal is approved exactly once and every row's outcome is reported", async () => {
    const [adminA, adminB] = [await createAdmin("Admin A"), await createAdmin("Admin B")];
    const { merchantId } = await createMerchant("Toko Bulk");
    await fund(merchantId, 1_000_000);
    const rows = [];
    for (let i = 0; i < 6; i++) rows.push(await withdraw(merchantId, 20_000 + i * 1_000));
    const ids = rows.map((r) => r.id);
    const payouts = countingPayouts(20);

    const [a, b] = await Promise.all([
      decideWithdrawalsInBulk({ action: "approve", ids, actor: adminA, payouts: payouts.provider }),
      decideWithdrawalsInBulk({ action: "approve", ids: [...ids].reverse(), actor: adminB, payouts: payouts.provider }),
    ]);
    expect(a.outcomes).toHaveLength(6);
    expect(b.outcomes).toHaveLength(6);
    for (const id of ids) {
      const both = [...a.outcomes, ...b.outcomes].filter((o) => o.id === id).map((o) => o.outcome).sort();
      expect(both).toEqual(["already_decided", "approved"]);
      expect(await holdPosts(id)).toBe(1);
      expect((await db.withdrawal.findUniqueOrThrow({ where: { id } })).status).toBe("success");
    }
    expect(payouts.calls).toHaveLength(6);
    const totals = rows.reduce((sum, r) => sum + r.totalDeduct, 0n);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 1_000_000n - totals, held: 0n });
    expect(await db.outboxEvent.count({ where: { merchantId, type: "withdraw.success" } })).toBe(6);
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });

  it("bulk reject needs one note for all, gives the funds back, and reports a row already decided", async () => {
    const admin = await createAdmin("Admin Tolak");
    const { merchantId } = await createMerchant("Toko Tolak");
    await fund(merchantId, 200_000);
    const [one, two, done] = [await withdraw(merchantId, 10_000), await withdraw(merchantId, 11_000), await withdraw(merchantId, 12_000)];
    await approveWithdrawal({ withdrawalId: done.id, actor: admin });

    expect((await errorOf(decideWithdrawalsInBulk({ action: "reject", ids: [one.id], note: " ", actor: admin }))).code).toBe("VALIDATION");
    expect((await errorOf(decideWithdrawalsInBulk({ action: "approve", ids: [], actor: admin }))).code).toBe("VALIDATION");
    const { outcomes } = await decideWithdrawalsInBulk({ action: "reject", ids: [one.id, two.id, done.id, "missing"], note: "Data rekening tidak cocok", actor: admin });
    const byId = new Map<string, BulkOutcome>(outcomes.map((o) => [o.id, o]));
    expect(byId.get(one.id)?.outcome).toBe("rejected");
    expect(byId.get(two.id)?.outcome).toBe("rejected");
    expect(byId.get(done.id)).toMatchObject({ outcome: "already_decided", status: "success" });
    expect(byId.get("missing")).toMatchObject({ outcome: "failed", code: "NOT_FOUND" });
    for (const w of [one, two]) {
      const row = await db.withdrawal.findUniqueOrThrow({ where: { id: w.id } });
      expect(row).toMatchObject({ status: "rejected", adminNote: "Data rekening tidak cocok" });
    }
    expect(await balanceOf(db, merchantId)).toEqual({ available: 200_000n - done.totalDeduct, held: 0n });
  });

  it("maker-checker: at Rp 10.000.000 the first approval is 1 of 2, the same admin is refused, two different admins racing pay it out once", async () => {
    const [maker, checkerB, checkerC] = [await createAdmin("Admin Pembuat"), await createAdmin("Admin Pemeriksa B"), await createAdmin("Admin Pemeriksa C")];
    const { merchantId } = await createMerchant("Toko Besar");
    await fund(merchantId, 30_000_000);
    // Auto-approval never stands in for the two admins.
    await setAutoApproveLimit({ merchantId, upTo: 50_000_000, actor: maker });
    const large = await withdraw(merchantId, 10_000_000);
    expect(large.status).toBe("pending");
    const payouts = countingPayouts(30);

    const first = await giveWithdrawalApproval({ withdrawalId: large.id, actor: maker, payouts: payouts.provider });
    expect(first).toEqual({ outcome: "awaiting_second", approvals: 1, needed: 2 });
    const again = await errorOf(giveWithdrawalApproval({ withdrawalId: large.id, actor: maker, payouts: payouts.provider }));
    expect(again.code).toBe("FORBIDDEN");
    expect(again.details).toMatchObject({ reason: "SAME_ADMIN" });
    // The guarded use case itself refuses a large withdrawal without two admins' approvals.
    expect((await errorOf(approveWithdrawal({ withdrawalId: large.id, actor: maker, payouts: payouts.provider }))).details).toMatchObject({ reason: "SECOND_ADMIN_REQUIRED" });
    expect((await errorOf(approveWithdrawal({ withdrawalId: large.id, actor: { type: "SYSTEM", id: "auto-approve" }, payouts: payouts.provider }))).code).toBe("FORBIDDEN");
    expect(payouts.calls).toHaveLength(0);

    const queue = await listWithdrawalQueue({ page: 1, pageSize: 100, merchantId });
    const row = queue.items.find((w) => w.id === large.id)!;
    expect(row.needsSecondAdmin).toBe(true);
    expect(row.approvals.map((a) => a.adminName)).toEqual(["Admin Pembuat"]);

    const [b, c] = await Promise.all([
      decideWithdrawalsInBulk({ action: "approve", ids: [large.id], actor: checkerB, payouts: payouts.provider }),
      decideWithdrawalsInBulk({ action: "approve", ids: [large.id], actor: checkerC, payouts: payouts.provider }),
    ]);
    expect([b.outcomes[0]!.outcome, c.outcomes[0]!.outcome].sort()).toEqual(["already_decided", "approved"]);
    expect(payouts.calls).toHaveLength(1);
    expect(await holdPosts(large.id)).toBe(1);
    expect((await db.withdrawal.findUniqueOrThrow({ where: { id: large.id } })).status).toBe("success");
    expect(await balanceOf(db, merchantId)).toEqual({ available: 30_000_000n - large.totalDeduct, held: 0n });
    expect(await db.auditLog.count({ where: { action: "withdraw.approval", targetId: large.id } })).toBeGreaterThanOrEqual(2);
  });

  it("two first approvals racing on a large withdrawal are counted one after the other: it is executed once, by the second", async () => {
    const [a, b] = [await createAdmin("Admin Kilat A"), await createAdmin("Admin Kilat B")];
    const { merchantId } = await createMerchant("Toko Kilat");
    await fund(merchantId, 20_000_000);
    const large = await withdraw(merchantId, 12_000_000);
    const payouts = countingPayouts();
    const results = await Promise.all([
      giveWithdrawalApproval({ withdrawalId: large.id, actor: a, payouts: payouts.provider }),
      giveWithdrawalApproval({ withdrawalId: large.id, actor: b, payouts: payouts.provider }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(["approved", "awaiting_second"]);
    expect(payouts.calls).toHaveLength(1);
    expect(await holdPosts(large.id)).toBe(1);
  });

  it("below the threshold one admin's approval suffices", async () => {
    const admin = await createAdmin("Admin Tunggal");
    const { merchantId } = await createMerchant("Toko Kecil");
    await fund(merchantId, 20_000_000);
    const justBelow = await withdraw(merchantId, 9_999_999);
    const result = await giveWithdrawalApproval({ withdrawalId: justBelow.id, actor: admin });
    expect(result.outcome).toBe("approved");
    expect(await holdPosts(justBelow.id)).toBe(1);
    expect(await db.approval.count({ where: { targetId: justBelow.id } })).toBe(0);
  });

  it("the queue shows risk hints and filters, sorts and pages on the server", async () => {
    const admin = await createAdmin("Admin Antrean");
    const { merchantId } = await createMerchant("Toko Risiko");
    await fund(merchantId, 5_000_000);
    const paidBefore = await withdraw(merchantId, 20_000, "081200000001");
    const paidAgain = await withdraw(merchantId, 40_000, "081200000001");
    await approveWithdrawal({ withdrawalId: paidBefore.id, actor: admin });
    await approveWithdrawal({ withdrawalId: paidAgain.id, actor: admin });
    // 90-day average of successful withdrawals: 30.000.
    const known = await withdraw(merchantId, 25_000, "081200000001");
    const fresh = await withdraw(merchantId, 35_000, "081299999999");
    const bank = await withdraw(merchantId, 100_000, "1234567890", "bca");

    const mine = await listWithdrawalQueue({ page: 1, pageSize: 100, merchantId });
    expect(mine.total).toBe(3);
    const hints = new Map(mine.items.map((w) => [w.id, w.risk]));
    expect(hints.get(known.id)).toEqual({ firstPayout: false, aboveAverage: false });
    expect(hints.get(fresh.id)).toEqual({ firstPayout: true, aboveAverage: true });
    expect(hints.get(bank.id)).toEqual({ firstPayout: true, aboveAverage: true });
    expect(mine.items[0]!.balance).toEqual(await balanceOf(db, merchantId));

    expect((await listWithdrawalQueue({ page: 1, pageSize: 100, merchantId, method: "bca" })).items.map((w) => w.id)).toEqual([bank.id]);
    expect((await listWithdrawalQueue({ page: 1, pageSize: 100, merchantId, minAmount: 30_000n, maxAmount: 50_000n })).items.map((w) => w.id)).toEqual([fresh.id]);
    expect((await listWithdrawalQueue({ page: 1, pageSize: 100, merchantId, sort: "amount_desc" })).items.map((w) => w.id)).toEqual([bank.id, fresh.id, known.id]);
    expect((await listWithdrawalQueue({ page: 1, pageSize: 100, merchantId, olderThanHours: 1 })).total).toBe(0);
    expect((await listWithdrawalQueue({ page: 1, pageSize: 100, merchantId, olderThanHours: 1 }, new Date(Date.now() + 2 * 3600_000))).total).toBe(3);
    const paged = await listWithdrawalQueue({ page: 2, pageSize: 2, merchantId, sort: "amount_asc" });
    expect(paged).toMatchObject({ total: 3, totalPages: 2, page: 2 });
    expect(paged.items.map((w) => w.id)).toEqual([bank.id]);
  });

  it("a manual adjustment needs two different admins and is posted once, even when two checkers approve at once", async () => {
    const [maker, checkerB, checkerC] = [await createAdmin("Admin Penyesuai"), await createAdmin("Admin Cek B"), await createAdmin("Admin Cek C")];
    const { merchantId } = await createMerchant("Toko Penyesuaian");
    const key = crypto.randomUUID();
    const requested = await requestAdjustment({ merchantId, direction: "credit", amount: 75_000, reason: "Kompensasi gangguan", actor: maker, idempotencyKey: key });
    expect(requested).toMatchObject({ approvals: 1, needed: 2, replayed: false });
    expect((await requestAdjustment({ merchantId, direction: "credit", amount: 75_000, reason: "Kompensasi gangguan", actor: maker, idempotencyKey: key })).replayed).toBe(true);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 0n, held: 0n });

    const same = await errorOf(approveAdjustment({ requestId: requested.request.id, actor: maker }));
    expect(same.code).toBe("FORBIDDEN");
    expect(same.details).toMatchObject({ reason: "SAME_ADMIN" });
    const listed = await listAdjustmentRequests(merchantId);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ status: "pending", approvalsNeeded: 2 });
    expect(listed[0]!.approvals.map((a) => a.adminName)).toEqual(["Admin Penyesuai"]);

    const results = await Promise.allSettled([
      approveAdjustment({ requestId: requested.request.id, actor: checkerB }),
      approveAdjustment({ requestId: requested.request.id, actor: checkerC }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.flatMap((r) => (r.status === "rejected" ? [(r.reason as AppError).code] : []))).toEqual(["INVALID_STATE"]);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 75_000n, held: 0n });
    expect(await db.ledgerJournal.count({ where: { type: "ADJUSTMENT", entries: { some: { account: { merchantId } } } } })).toBe(1);
    const decided = await db.adjustmentRequest.findUniqueOrThrow({ where: { id: requested.request.id } });
    expect(decided.status).toBe("approved");
    expect(decided.journalId).not.toBeNull();
    expect(await db.auditLog.count({ where: { merchantId, action: { in: ["adjustment.request", "adjustment.approve", "ledger.adjust"] } } })).toBe(3);

    // A debit the balance cannot cover is refused when asked; one that stopped being covered
    // before its approval is refused then and stays pending; a rejection posts nothing.
    expect((await errorOf(requestAdjustment({ merchantId, direction: "debit", amount: 80_000, reason: "Koreksi", actor: maker, idempotencyKey: crypto.randomUUID() }))).code).toBe("INSUFFICIENT_FUNDS");
    const first = await requestAdjustment({ merchantId, direction: "debit", amount: 70_000, reason: "Koreksi satu", actor: maker, idempotencyKey: crypto.randomUUID() });
    const tooMuch = await requestAdjustment({ merchantId, direction: "debit", amount: 70_000, reason: "Koreksi dua", actor: maker, idempotencyKey: crypto.randomUUID() });
    await approveAdjustment({ requestId: first.request.id, actor: checkerC });
    expect((await errorOf(approveAdjustment({ requestId: tooMuch.request.id, actor: checkerB }))).code).toBe("INSUFFICIENT_FUNDS");
    expect((await db.adjustmentRequest.findUniqueOrThrow({ where: { id: tooMuch.request.id } })).status).toBe("pending");
    expect((await errorOf(rejectAdjustment({ requestId: tooMuch.request.id, note: "", actor: checkerB }))).code).toBe("VALIDATION");
    await rejectAdjustment({ requestId: tooMuch.request.id, note: "Nominal salah", actor: checkerB });
    expect((await errorOf(approveAdjustment({ requestId: tooMuch.request.id, actor: checkerC }))).code).toBe("INVALID_STATE");
    expect(await balanceOf(db, merchantId)).toEqual({ available: 5_000n, held: 0n });
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });
});
