// Withdrawals end to end against a real database (SQLite and PostgreSQL): reservation under
// concurrency, approval with payout, rejection, the guarded state machine, payout failures,
// and the admin tools around them. The ledger's invariants are checked at the end.
import { describe, expect, it } from "vitest";
import * as withdrawRoute from "@/app/api/v1/withdraw/route";
import { createKey, createMerchant, fund } from "../../tests/helpers/fixtures";
import type { Actor } from "../audit";
import { db, engine } from "../db";
import { AppError } from "../errors";
import { balanceOf, verifyInvariants } from "../ledger";
import { adjustBalance } from "../merchants/adjust-balance";
import { listAuditLog } from "../merchants/list-audit-log";
import { setAutoApproveLimit } from "../merchants/set-auto-approve";
import { setMerchantSuspension } from "../merchants/suspend-merchant";
import type { PayoutProvider, PayoutRequest } from "../providers/types";
import { SANDBOX_PAYOUT_FAILURE, sandboxPayoutProvider } from "../providers/sandbox/payout";
import { resolveProcessingWithdrawal } from "./resolve-withdrawal";
import { approveWithdrawal } from "./approve-withdrawal";
import { getWithdrawalForMerchant, listWithdrawals } from "./find-withdrawals";
import { listWithdrawalQueue } from "./list-withdrawal-queue";
import { checkAccountNumber, withdrawMethod } from "./methods";
import { rejectWithdrawal } from "./reject-withdrawal";
import { requestWithdrawal } from "./request-withdrawal";

const merchantActor = (id: string): Actor => ({ type: "USER", id });
const adminActor: Actor = { type: "USER", id: "admin-test" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** The sandbox, with every call counted (and optionally slowed down to widen a race). */
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

async function systemBalance(code: string) {
  return (await db.ledgerAccount.findUnique({ where: { code } }))?.balance ?? 0n;
}

async function withdraw(merchantId: string, amount: number, extra: { method?: string; accountNumber?: string; accountName?: string } = {}) {
  return requestWithdrawal({
    merchantId,
    amount,
    accountNumber: extra.accountNumber ?? "081234567890",
    accountName: extra.accountName ?? "John Doe",
    method: extra.method,
    actor: merchantActor(merchantId),
  });
}

describe(`withdrawals on ${engine}`, () => {
  it("100 concurrent requests of 10.000 (+1.000 fee) against 550.000: exactly 50 reserved, available 0", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 550_000);
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => withdraw(merchantId, 10_000)));
    const accepted = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as AppError).code] : []));
    expect(accepted).toHaveLength(50);
    expect(refused).toHaveLength(50);
    expect(new Set(refused)).toEqual(new Set(["INSUFFICIENT_FUNDS"]));
    expect(await balanceOf(db, merchantId)).toEqual({ available: 0n, held: 550_000n });
    expect(await db.withdrawal.count({ where: { merchantId, status: "pending" } })).toBe(50);
    expect(await db.ledgerHold.count({ where: { merchantId, status: "PENDING" } })).toBe(50);
    // Each accepted request saw its own reservation in new_balance; none went below zero.
    const balances = accepted.map((r) => (r.status === "fulfilled" ? r.value.newBalance : -1n));
    expect(balances.every((b) => b >= 0n && b < 550_000n && (550_000n - b) % 11_000n === 0n)).toBe(true);
    expect(new Set(balances).size).toBe(50);
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });

  it("reserves amount + fee at once and reports the new available balance", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 1_000_000);
    const { withdrawal, newBalance } = await withdraw(merchantId, 100_000);
    expect(withdrawal).toMatchObject({ status: "pending", amount: 100_000n, fee: 1_000n, totalDeduct: 101_000n, method: "dana", accountNumber: "081234567890" });
    expect(withdrawal.id).toMatch(/^[0-9a-f]{24}$/);
    expect(newBalance).toBe(899_000n);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 899_000n, held: 101_000n });
    const hold = await db.ledgerHold.findUniqueOrThrow({ where: { id: withdrawal.holdId } });
    expect(hold).toMatchObject({ idempotencyKey: `withdraw:${withdrawal.id}`, amount: 101_000n, status: "PENDING" });
  });

  it("applies each method's fee and account rules", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 1_000_000);
    const cases: [string, string, bigint][] = [
      ["ovo", "6281234567890", 1_000n],
      ["gopay", "0812-3456-789", 1_000n],
      ["shopeepay", "+62 812 3456 7890", 1_500n],
      ["bca", "1234567890", 2_500n],
      ["bni", "0987654321", 2_500n],
      ["bri", "123456789012345", 2_500n],
      ["mandiri", "1234567890123", 2_500n],
      ["DANA", "0812345678", 1_000n],
    ];
    for (const [method, account, fee] of cases) {
      const { withdrawal } = await withdraw(merchantId, 10_000, { method, accountNumber: account });
      expect(withdrawal.fee, method).toBe(fee);
      expect(withdrawal.accountNumber).toMatch(/^\d+$/);
    }
    expect(checkAccountNumber(withdrawMethod("shopeepay"), "+62 812 3456 7890")).toBe("6281234567890");
  });

  it("refuses bad requests with VALIDATION and reserves nothing", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 100_000_000);
    const bad: [number | string, { method?: string; accountNumber?: string; accountName?: string }][] = [
      [0, {}],
      [-10_000, {}],
      ["10000.5", {}],
      ["sepuluh", {}],
      [9_999, {}],
      [50_000_001, {}],
      [10_000, { method: "paypal" }],
      [10_000, { accountNumber: "071234567890" }], // not a mobile number
      [10_000, { accountNumber: "08123456" }], // too short
      [10_000, { accountNumber: "08123456789012" }], // 14 digits
      [10_000, { accountNumber: "08123abc7890" }],
      [10_000, { method: "bca", accountNumber: "123456789" }], // BCA is 10 digits
      [10_000, { method: "bri", accountNumber: "1234567890" }], // BRI is 15
      [10_000, { method: "mandiri", accountNumber: "081234567890" }], // 12, Mandiri is 13
      [10_000, { accountName: "" }],
      [10_000, { accountName: " J " }],
      [10_000, { accountName: "x".repeat(101) }],
    ];
    for (const [amount, extra] of bad) {
      const error = await errorOf(withdraw(merchantId, amount as number, extra));
      expect(error.code, JSON.stringify([amount, extra])).toBe("VALIDATION");
    }
    expect(await balanceOf(db, merchantId)).toEqual({ available: 100_000_000n, held: 0n });
    expect(await db.withdrawal.count({ where: { merchantId } })).toBe(0);
  });

  it("refuses a request beyond the available balance and changes nothing", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 50_000);
    const error = await errorOf(withdraw(merchantId, 49_500));
    expect(error.code).toBe("INSUFFICIENT_FUNDS");
    expect(await balanceOf(db, merchantId)).toEqual({ available: 50_000n, held: 0n });
    expect(await db.withdrawal.count({ where: { merchantId } })).toBe(0);
    // Exactly enough, fee included, is fine.
    await withdraw(merchantId, 49_000);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 0n, held: 50_000n });
  });

  it("approve pays out once, posts the hold (available unchanged, held down) and emits withdraw.success", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 200_000);
    const { withdrawal } = await withdraw(merchantId, 100_000);
    const payoutBefore = await systemBalance("system:payout_clearing");
    const feeBefore = await systemBalance("system:fee_revenue");
    const payouts = countingPayouts();
    const approved = await approveWithdrawal({ withdrawalId: withdrawal.id, actor: adminActor, payouts: payouts.provider });
    expect(payouts.calls).toHaveLength(1);
    expect(payouts.calls[0]).toMatchObject({ withdrawalId: withdrawal.id, method: "dana", accountNumber: "081234567890", accountName: "John Doe", amount: 100_000n });
    expect(approved).toMatchObject({ status: "success", payoutRef: `sbx_po_${withdrawal.id}`, processedBy: "user:admin-test", adminNote: null });
    expect(approved.processedAt).toBeInstanceOf(Date);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 99_000n, held: 0n });
    expect((await systemBalance("system:payout_clearing")) - payoutBefore).toBe(100_000n);
    expect((await systemBalance("system:fee_revenue")) - feeBefore).toBe(1_000n);
    expect((await db.ledgerHold.findUniqueOrThrow({ where: { id: withdrawal.holdId } })).status).toBe("POSTED");

    const events = await db.outboxEvent.findMany({ where: { merchantId } });
    expect(events.map((e) => e.type)).toEqual(["withdraw.success"]);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ withdraw_id: withdrawal.id, status: "success", amount: 100_000, fee: 1_000, total_deduct: 101_000, admin_note: null });
    const actions = (await db.auditLog.findMany({ where: { targetId: withdrawal.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["withdraw.request", "withdraw.approve", "withdraw.success"]));
  });

  it("reject voids the hold (funds back), keeps the note and emits withdraw.rejected", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 200_000);
    const { withdrawal } = await withdraw(merchantId, 100_000);
    expect((await errorOf(rejectWithdrawal({ withdrawalId: withdrawal.id, note: " no ", actor: adminActor }))).code).toBe("VALIDATION");
    expect((await db.withdrawal.findUniqueOrThrow({ where: { id: withdrawal.id } })).status).toBe("pending");

    const rejected = await rejectWithdrawal({ withdrawalId: withdrawal.id, note: "Nama rekening tidak cocok", actor: adminActor });
    expect(rejected).toMatchObject({ status: "rejected", adminNote: "Nama rekening tidak cocok" });
    expect(rejected.processedAt).toBeInstanceOf(Date);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 200_000n, held: 0n });
    expect((await db.ledgerHold.findUniqueOrThrow({ where: { id: withdrawal.holdId } })).status).toBe("VOIDED");
    const event = await db.outboxEvent.findFirstOrThrow({ where: { merchantId } });
    expect(event.type).toBe("withdraw.rejected");
    expect(JSON.parse(event.data)).toMatchObject({ withdraw_id: withdrawal.id, status: "rejected", admin_note: "Nama rekening tidak cocok" });
  });

  it("refuses approve after reject, reject after approve, and a second approve — nothing moves", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 300_000);
    const payouts = countingPayouts();
    const a = (await withdraw(merchantId, 50_000)).withdrawal;
    const b = (await withdraw(merchantId, 50_000)).withdrawal;
    await rejectWithdrawal({ withdrawalId: a.id, note: "Duplikat", actor: adminActor });
    await approveWithdrawal({ withdrawalId: b.id, actor: adminActor, payouts: payouts.provider });
    const before = await balanceOf(db, merchantId);
    expect(before).toEqual({ available: 249_000n, held: 0n });

    const approveRejected = await errorOf(approveWithdrawal({ withdrawalId: a.id, actor: adminActor, payouts: payouts.provider }));
    expect(approveRejected.code).toBe("INVALID_STATE");
    expect(approveRejected.message).toContain("rejected");
    const rejectApproved = await errorOf(rejectWithdrawal({ withdrawalId: b.id, note: "Terlambat", actor: adminActor }));
    expect(rejectApproved.code).toBe("INVALID_STATE");
    expect((await errorOf(approveWithdrawal({ withdrawalId: b.id, actor: adminActor, payouts: payouts.provider }))).code).toBe("INVALID_STATE");
    expect((await errorOf(rejectWithdrawal({ withdrawalId: a.id, note: "Lagi", actor: adminActor }))).code).toBe("INVALID_STATE");
    expect((await errorOf(approveWithdrawal({ withdrawalId: "nope", actor: adminActor }))).code).toBe("NOT_FOUND");

    expect(payouts.calls).toHaveLength(1);
    expect(await balanceOf(db, merchantId)).toEqual(before);
    expect((await db.withdrawal.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("rejected");
    expect((await db.withdrawal.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("success");
    expect(await db.outboxEvent.count({ where: { merchantId } })).toBe(2);
  });

  it("two admins approving at the same moment: one payout, the other INVALID_STATE", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 100_000);
    const { withdrawal } = await withdraw(merchantId, 40_000);
    const payouts = countingPayouts(50);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => approveWithdrawal({ withdrawalId: withdrawal.id, actor: { type: "USER", id: `admin-${i}` }, payouts: payouts.provider })),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as AppError).code] : []));
    expect(ok).toHaveLength(1);
    expect(refused).toEqual(["INVALID_STATE", "INVALID_STATE", "INVALID_STATE", "INVALID_STATE"]);
    expect(payouts.calls).toHaveLength(1);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 59_000n, held: 0n });
    expect(await db.ledgerJournal.count({ where: { type: "HOLD_POST", reference: withdrawal.id } })).toBe(1);
    expect(await db.outboxEvent.count({ where: { merchantId, type: "withdraw.success" } })).toBe(1);
  });

  it("a payout the provider refuses (account ending 0000) is rejected with its reason and the funds come back", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 100_000);
    const { withdrawal } = await withdraw(merchantId, 30_000, { accountNumber: "081200000000" });
    expect(await balanceOf(db, merchantId)).toEqual({ available: 69_000n, held: 31_000n });
    const failed = await approveWithdrawal({ withdrawalId: withdrawal.id, actor: adminActor });
    expect(failed).toMatchObject({ status: "rejected", failureReason: SANDBOX_PAYOUT_FAILURE, adminNote: SANDBOX_PAYOUT_FAILURE, payoutRef: null });
    expect(failed.processedAt).toBeInstanceOf(Date);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 100_000n, held: 0n });
    const event = await db.outboxEvent.findFirstOrThrow({ where: { merchantId } });
    expect(event.type).toBe("withdraw.rejected");
    expect(JSON.parse(event.data)).toMatchObject({ status: "rejected", admin_note: SANDBOX_PAYOUT_FAILURE });
    expect(await db.auditLog.count({ where: { targetId: withdrawal.id, action: "withdraw.payout_failed", actorType: "PROVIDER" } })).toBe(1);
  });

  it("a provider that throws leaves the withdrawal unknown with the funds still held", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 100_000);
    const { withdrawal } = await withdraw(merchantId, 20_000);
    const broken: PayoutProvider = {
      name: "broken",
      async sendPayout() {
        throw new Error("socket hang up");
      },
    };
    expect((await errorOf(approveWithdrawal({ withdrawalId: withdrawal.id, actor: adminActor, payouts: broken }))).code).toBe("CONFLICT");
    expect((await db.withdrawal.findUniqueOrThrow({ where: { id: withdrawal.id } })).status).toBe("unknown");
    expect(await balanceOf(db, merchantId)).toEqual({ available: 79_000n, held: 21_000n });
    // Neither a second approval nor a rejection can touch it now.
    expect((await errorOf(approveWithdrawal({ withdrawalId: withdrawal.id, actor: adminActor }))).code).toBe("INVALID_STATE");
    expect((await errorOf(rejectWithdrawal({ withdrawalId: withdrawal.id, note: "Batal", actor: adminActor }))).code).toBe("INVALID_STATE");
    // To the merchant it is still pending.
    expect((await listWithdrawals(merchantId, { page: 1, limit: 10, status: "pending" })).total).toBe(1);

    // The admin checks with the provider and records the outcome: not paid → funds back, once.
    expect((await errorOf(resolveProcessingWithdrawal({ withdrawalId: withdrawal.id, paid: false, note: "", actor: adminActor }))).code).toBe("VALIDATION");
    const resolved = await resolveProcessingWithdrawal({ withdrawalId: withdrawal.id, paid: false, note: "Provider confirms it never left", actor: adminActor });
    expect(resolved).toMatchObject({ status: "rejected", adminNote: "Provider confirms it never left" });
    expect(await balanceOf(db, merchantId)).toEqual({ available: 100_000n, held: 0n });
    expect((await errorOf(resolveProcessingWithdrawal({ withdrawalId: withdrawal.id, paid: true, note: "again", actor: adminActor }))).code).toBe("INVALID_STATE");
    expect(await db.auditLog.count({ where: { targetId: withdrawal.id, action: "withdraw.reconcile" } })).toBe(1);
  });

  it("a processing payout the provider did make is reconciled as paid: the hold is posted", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 100_000);
    const { withdrawal } = await withdraw(merchantId, 30_000);
    const flaky: PayoutProvider = {
      name: "flaky",
      async sendPayout() {
        throw new Error("timeout after the transfer was sent");
      },
    };
    await errorOf(approveWithdrawal({ withdrawalId: withdrawal.id, actor: adminActor, payouts: flaky }));
    const paid = await resolveProcessingWithdrawal({ withdrawalId: withdrawal.id, paid: true, reference: "BANK-REF-9", note: "Seen in the provider dashboard", actor: adminActor });
    expect(paid).toMatchObject({ status: "success", payoutRef: "BANK-REF-9" });
    expect(await balanceOf(db, merchantId)).toEqual({ available: 69_000n, held: 0n });
    expect(await db.outboxEvent.count({ where: { merchantId, type: "withdraw.success" } })).toBe(1);
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });

  it("auto-approves requests up to the merchant's limit (off by default)", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 200_000);
    const first = await withdraw(merchantId, 15_000);
    expect(first.withdrawal.status).toBe("pending");
    await setAutoApproveLimit({ merchantId, upTo: 20_000n, actor: adminActor });
    const small = await withdraw(merchantId, 20_000);
    expect(small.withdrawal).toMatchObject({ status: "success", processedBy: "system:auto-approve" });
    expect(small.newBalance).toBe(200_000n - 16_000n - 21_000n);
    const failing = await withdraw(merchantId, 10_000, { accountNumber: "081211110000" });
    expect(failing.withdrawal.status).toBe("rejected");
    expect(failing.newBalance).toBe(200_000n - 16_000n - 21_000n);
    const large = await withdraw(merchantId, 20_001);
    expect(large.withdrawal.status).toBe("pending");
    await setAutoApproveLimit({ merchantId, upTo: null, actor: adminActor });
    expect((await withdraw(merchantId, 10_000)).withdrawal.status).toBe("pending");
  });

  it("lists a merchant's withdrawals newest first with a status filter; another merchant's id is NOT_FOUND", async () => {
    const { merchantId } = await createMerchant();
    const other = await createMerchant();
    await fund(merchantId, 500_000);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await withdraw(merchantId, 10_000 + i)).withdrawal.id);
    await rejectWithdrawal({ withdrawalId: ids[0]!, note: "Ditolak", actor: adminActor });
    const page1 = await listWithdrawals(merchantId, { page: 1, limit: 2 });
    expect(page1).toMatchObject({ total: 5, page: 1, limit: 2, totalPages: 3 });
    expect(page1.items.map((w) => w.id)).toEqual([ids[4], ids[3]]);
    expect((await listWithdrawals(merchantId, { page: 9, limit: 2 })).items).toEqual([]);
    expect((await listWithdrawals(merchantId, { page: 1, limit: 10, status: "rejected" })).items.map((w) => w.id)).toEqual([ids[0]]);
    expect((await listWithdrawals(merchantId, { page: 1, limit: 10, status: "pending" })).total).toBe(4);
    expect((await listWithdrawals(other.merchantId, { page: 1, limit: 10 })).total).toBe(0);
    expect((await errorOf(getWithdrawalForMerchant(other.merchantId, ids[1]!))).code).toBe("NOT_FOUND");
    expect((await getWithdrawalForMerchant(merchantId, ids[1]!)).id).toBe(ids[1]);
  });

  it("the admin queue shows pending withdrawals oldest first with the merchant's balance and recent history", async () => {
    const { merchantId } = await createMerchant("Antrean Satu");
    await fund(merchantId, 300_000);
    const older = (await withdraw(merchantId, 10_000)).withdrawal;
    await sleep(5);
    const done = (await withdraw(merchantId, 11_000)).withdrawal;
    await approveWithdrawal({ withdrawalId: done.id, actor: adminActor });
    await sleep(5);
    const newer = (await withdraw(merchantId, 12_000)).withdrawal;
    const queue = await listWithdrawalQueue({ page: 1, pageSize: 100 });
    const mine = queue.items.filter((w) => w.merchantId === merchantId);
    expect(mine.map((w) => w.id)).toEqual([older.id, newer.id]);
    expect(mine[0]!.merchant.businessName).toBe("Antrean Satu");
    expect(mine[0]!.balance).toEqual(await balanceOf(db, merchantId));
    expect(mine[0]!.recent.map((r) => r.id)).toEqual([done.id]);
    const createdTimes = queue.items.map((w) => w.createdAt.getTime());
    expect([...createdTimes].sort((a, b) => a - b)).toEqual(createdTimes);
  });

  it("a suspended merchant's API key gets 403, it cannot withdraw and its pending withdrawal cannot be approved; reinstating restores all", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 100_000);
    const key = await createKey(merchantId);
    const post = () =>
      withdrawRoute.POST(
        new Request("http://localhost/api/v1/withdraw", {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify({ amount: 10_000, accountNumber: "081234567890", accountName: "John Doe" }),
        }),
        { params: Promise.resolve({}) },
      );
    const earlier = (await withdraw(merchantId, 10_000)).withdrawal;
    expect((await errorOf(setMerchantSuspension({ merchantId, suspend: true, reason: "", actor: adminActor }))).code).toBe("VALIDATION");
    const suspended = await setMerchantSuspension({ merchantId, suspend: true, reason: "Dugaan penipuan", actor: adminActor });
    expect(suspended).toMatchObject({ status: "SUSPENDED", suspendedReason: "Dugaan penipuan" });
    expect((await errorOf(setMerchantSuspension({ merchantId, suspend: true, reason: "Lagi", actor: adminActor }))).code).toBe("INVALID_STATE");

    const refused = await post();
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ success: false, code: "FORBIDDEN" });
    expect((await errorOf(withdraw(merchantId, 10_000))).code).toBe("FORBIDDEN");
    expect(await balanceOf(db, merchantId)).toEqual({ available: 89_000n, held: 11_000n });

    // A withdrawal requested before the suspension cannot be approved while it lasts; it can be rejected.
    const approveRefused = await errorOf(approveWithdrawal({ withdrawalId: earlier.id, actor: adminActor }));
    expect(approveRefused.code).toBe("FORBIDDEN");
    expect((await db.withdrawal.findUniqueOrThrow({ where: { id: earlier.id } })).status).toBe("pending");

    const reinstated = await setMerchantSuspension({ merchantId, suspend: false, reason: "Verifikasi selesai", actor: adminActor });
    expect((await approveWithdrawal({ withdrawalId: earlier.id, actor: adminActor })).status).toBe("success");
    expect(reinstated).toMatchObject({ status: "ACTIVE", suspendedReason: null });
    const accepted = await post();
    expect(await accepted.json()).toMatchObject({ success: true, status: "pending", new_balance: 78_000 });
    expect(accepted.status).toBe(200);
    const actions = (await db.auditLog.findMany({ where: { merchantId, action: { startsWith: "merchant." } } })).map((a) => a.action).sort();
    expect(actions).toEqual(["merchant.suspend", "merchant.unsuspend"]);
  });

  it("manual adjustments credit and debit through the ledger with a reason; a debit beyond the balance is refused", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 10_000);
    const adjustmentsBefore = await systemBalance("system:adjustments");
    expect((await errorOf(adjustBalance({ merchantId, direction: "credit", amount: 5_000, reason: "", actor: adminActor }))).code).toBe("VALIDATION");
    expect((await errorOf(adjustBalance({ merchantId, direction: "credit", amount: 0, reason: "Kompensasi", actor: adminActor }))).code).toBe("VALIDATION");
    expect((await errorOf(adjustBalance({ merchantId: "nope", direction: "credit", amount: 5_000, reason: "Kompensasi", actor: adminActor }))).code).toBe("NOT_FOUND");

    const idempotencyKey = crypto.randomUUID();
    const credited = await adjustBalance({ merchantId, direction: "credit", amount: 5_000, reason: "Kompensasi gangguan", actor: adminActor, idempotencyKey });
    expect(credited.balance.available).toBe(15_000n);
    // The same submission again (a double click) posts nothing more.
    const again = await adjustBalance({ merchantId, direction: "credit", amount: 5_000, reason: "Kompensasi gangguan", actor: adminActor, idempotencyKey });
    expect(again).toMatchObject({ replayed: true, journalId: credited.journalId });
    expect((await balanceOf(db, merchantId)).available).toBe(15_000n);

    expect((await errorOf(adjustBalance({ merchantId, direction: "debit", amount: 15_001, reason: "Koreksi", actor: adminActor }))).code).toBe("INSUFFICIENT_FUNDS");
    expect((await balanceOf(db, merchantId)).available).toBe(15_000n);
    const debited = await adjustBalance({ merchantId, direction: "debit", amount: 15_000, reason: "Koreksi top-up ganda", actor: adminActor });
    expect(debited.balance.available).toBe(0n);
    // The other side of both postings: -5.000 for the credit, +15.000 for the debit.
    expect((await systemBalance("system:adjustments")) - adjustmentsBefore).toBe(10_000n);

    const audit = await listAuditLog({ merchantId, action: "ledger.adjust", page: 1, pageSize: 10 });
    expect(audit.total).toBe(2);
    expect(audit.items.map((a) => JSON.parse(a.metadata ?? "{}").direction)).toEqual(["debit", "credit"]);
  });

  it("filters the audit log by merchant, action prefix, actor type and date", async () => {
    const { merchantId } = await createMerchant("Audit Toko");
    await fund(merchantId, 100_000);
    const { withdrawal } = await withdraw(merchantId, 10_000);
    await rejectWithdrawal({ withdrawalId: withdrawal.id, note: "Tidak valid", actor: adminActor });
    const all = await listAuditLog({ merchantId, page: 1, pageSize: 50 });
    expect(all.items.map((a) => a.action).sort()).toEqual(["auth.register", "withdraw.reject", "withdraw.request"]);
    expect(all.items[0]!.merchantName).toBe("Audit Toko");
    expect((await listAuditLog({ merchantId, action: "withdraw.", page: 1, pageSize: 50 })).total).toBe(2);
    expect((await listAuditLog({ merchantId, actorType: "USER", action: "withdraw.reject", page: 1, pageSize: 50 })).total).toBe(1);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect((await listAuditLog({ merchantId, from: today, to: today, page: 1, pageSize: 50 })).total).toBe(3);
    expect((await listAuditLog({ merchantId, from: "2000-01-01", to: "2000-01-02", page: 1, pageSize: 50 })).total).toBe(0);
    const paged = await listAuditLog({ merchantId, page: 2, pageSize: 2 });
    expect(paged).toMatchObject({ total: 3, totalPages: 2 });
    expect(paged.items).toHaveLength(1);
  });

  it("leaves the ledger consistent after everything above", async () => {
    const result = await verifyInvariants(db);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
