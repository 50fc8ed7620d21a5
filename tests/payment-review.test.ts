// The admin review queue for provider payments (VA and QRIS through Midtrans, and the sandbox):
// a payment whose amount differs, that names no deposit, or that came after expiry/cancel waits for
// an admin, who either credits it to a deposit of their choice (exactly once, never to a paid one)
// or marks it refunded outside Saldo — through the admin tRPC procedures, audited with a note.
import type { Session } from "next-auth";
import { afterAll, describe, expect, it } from "vitest";
import { startMidtransFake } from "./fakes/midtrans";

const SERVER_KEY = "SB-Mid-server-review-tests-0123456789abcdef";
const midtrans = await startMidtransFake({ serverKey: SERVER_KEY });
Object.assign(process.env, { PAYMENT_PROVIDER: "midtrans", MIDTRANS_SERVER_KEY: SERVER_KEY, MIDTRANS_API_URL: midtrans.url, MIDTRANS_TIMEOUT_MS: "800" });

const midtransRoute = await import("@/app/api/webhooks/midtrans/route");
const { db, engine } = await import("@/server/db");
const { balanceOf, verifyInvariants } = await import("@/server/ledger");
const { createDeposit } = await import("@/server/deposits/create-deposit");
const { cancelDeposit } = await import("@/server/deposits/cancel-deposit");
const { listPaymentReviews } = await import("@/server/deposits/list-payment-reviews");
const { createCaller } = await import("@/server/trpc/root");
const { createMerchant, enrolTwoFactor } = await import("./helpers/fixtures");

afterAll(() => midtrans.close());

const system = { type: "SYSTEM" as const };
const farFuture = () => new Date(Date.now() + 3_600_000).toISOString();

async function adminCaller() {
  const user = await db.user.create({ data: { email: `admin-${crypto.randomUUID()}@saldo.test`, name: "Admin Review", passwordHash: "x", role: "ADMIN" } });
  await enrolTwoFactor(user.id); // every admin has two-factor
  const session = { user: { id: user.id, email: user.email, name: "Admin Review", role: "ADMIN", merchantId: null, locale: "en" }, expires: farFuture() } as Session;
  return { caller: createCaller({ session, ip: "203.0.113.5" }), userId: user.id };
}

async function merchantCaller(m: { userId: string; email: string; merchantId: string }) {
  const session = { user: { id: m.userId, email: m.email, name: "Toko", role: "MERCHANT", merchantId: m.merchantId, locale: "en" }, expires: farFuture() } as Session;
  return createCaller({ session, ip: "203.0.113.6" });
}

/** Midtrans reports `orderId` settled (optionally with another amount than charged); Saldo is notified. */
async function settle(orderId: string, paidAmount?: number) {
  const charge = midtrans.state.charges.get(orderId)!;
  if (paidAmount !== undefined) charge.gross_amount = paidAmount.toFixed(2);
  midtrans.setStatus(orderId, "settlement");
  const res = await midtransRoute.POST(new Request("http://localhost/api/webhooks/midtrans", { method: "POST", body: JSON.stringify(midtrans.notificationBody(orderId)) }));
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const reviewFor = (depositId: string) => db.providerEvent.findFirstOrThrow({ where: { reference: depositId } });

describe(`payment review on ${engine}`, () => {
  it("a VA payment of another amount waits for review; the admin credits it to the deposit, once, audited", async () => {
    const m = await createMerchant("Toko Selisih");
    const deposit = await createDeposit({ merchantId: m.merchantId, method: "VA_BNI", amount: 50_000, actor: system });
    expect(deposit.total).toBe(54_000n);
    expect(await settle(deposit.id, 53_000)).toMatchObject({ status: 200, json: { outcome: "amount_mismatch" } });
    expect((await db.deposit.findUniqueOrThrow({ where: { id: deposit.id } })).status).toBe("pending");
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 0n, held: 0n });

    const review = await reviewFor(deposit.id);
    expect(review).toMatchObject({ provider: "midtrans", outcome: "amount_mismatch", amount: 53_000n, depositId: deposit.id, reviewedAt: null });
    const { caller, userId } = await adminCaller();
    expect((await caller.bankMutations.paymentReviews({ page: 1, pageSize: 50 })).items.map((r) => r.id)).toContain(review.id);
    const candidates = await caller.bankMutations.reviewCandidates({ eventId: review.id });
    expect(candidates.map((c) => c.id)).toEqual([deposit.id]);

    await expect(caller.bankMutations.resolveReview({ action: "credit", eventId: review.id, depositId: deposit.id, note: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const result = await caller.bankMutations.resolveReview({ action: "credit", eventId: review.id, depositId: deposit.id, note: "Payer sent 1,000 less; merchant agreed" });
    expect(result).toEqual({ eventId: review.id, resolution: "credited", depositId: deposit.id });

    // What arrived, less the deposit's fee.
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 49_000n, held: 0n });
    expect(await db.deposit.findUniqueOrThrow({ where: { id: deposit.id } })).toMatchObject({ status: "paid", paidAmount: 53_000n, openKey: null });
    expect(await db.outboxEvent.findMany({ where: { merchantId: m.merchantId }, select: { type: true } })).toEqual([{ type: "topup.success" }]);
    expect(await db.providerEvent.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({
      reviewedBy: userId, reviewNote: "Payer sent 1,000 less; merchant agreed", resolution: "credited", depositId: deposit.id, reviewedAt: expect.any(Date),
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "payment_review.credited", targetId: review.id } });
    expect(audit).toMatchObject({ actorType: "USER", actorId: userId, targetType: "provider_event", merchantId: m.merchantId });
    expect(JSON.parse(audit.metadata!)).toMatchObject({ note: "Payer sent 1,000 less; merchant agreed", depositId: deposit.id, amount: "53000", outcome: "amount_mismatch" });

    // Once: a second decision is refused, and the queue no longer shows it.
    await expect(caller.bankMutations.resolveReview({ action: "refunded_outside", eventId: review.id, note: "again" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await listPaymentReviews({ page: 1, pageSize: 100 })).items.map((r) => r.id)).not.toContain(review.id);
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });

  it("refuses a paid or unknown deposit; 'refunded outside Saldo' moves no money and is audited", async () => {
    const m = await createMerchant();
    const paid = await createDeposit({ merchantId: m.merchantId, method: "QRIS", amount: 20_000, actor: system });
    expect((await settle(paid.id)).json).toMatchObject({ outcome: "credited" });
    const other = await createDeposit({ merchantId: m.merchantId, method: "QRIS", amount: 30_000, actor: system });
    expect((await settle(other.id, 29_000)).json).toMatchObject({ outcome: "amount_mismatch" });
    const review = await reviewFor(other.id);
    const { caller, userId } = await adminCaller();

    await expect(caller.bankMutations.resolveReview({ action: "credit", eventId: review.id, depositId: paid.id, note: "wrong one" })).rejects.toMatchObject({
      code: "CONFLICT", message: expect.stringMatching(/already paid/),
    });
    await expect(caller.bankMutations.resolveReview({ action: "credit", eventId: review.id, depositId: "no-such-deposit", note: "typo" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.providerEvent.findUniqueOrThrow({ where: { id: review.id } })).reviewedAt).toBeNull();

    const before = await balanceOf(db, m.merchantId);
    await caller.bankMutations.resolveReview({ action: "refunded_outside", eventId: review.id, note: "Refunded from the Midtrans dashboard" });
    expect(await balanceOf(db, m.merchantId)).toEqual(before);
    expect(await db.providerEvent.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({ resolution: "refunded_outside", reviewedBy: userId, reviewNote: "Refunded from the Midtrans dashboard" });
    expect(await db.auditLog.count({ where: { action: "payment_review.refunded_outside", targetId: review.id } })).toBe(1);
    expect((await db.deposit.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("pending");
  });

  it("credits a payment after the merchant's cancel to that expired deposit, and an unknown reference to any deposit id entered", async () => {
    const m = await createMerchant();
    const cancelled = await createDeposit({ merchantId: m.merchantId, method: "QRIS", amount: 15_000, actor: system });
    await cancelDeposit(m.merchantId, cancelled.id, system);
    expect((await settle(cancelled.id)).json).toMatchObject({ outcome: "late_payment" });
    const { caller } = await adminCaller();
    const late = await reviewFor(cancelled.id);
    expect((await caller.bankMutations.reviewCandidates({ eventId: late.id })).map((c) => c.id)).toContain(cancelled.id);
    await caller.bankMutations.resolveReview({ action: "credit", eventId: late.id, depositId: cancelled.id, note: "Payer paid seconds after the cancel" });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 15_000n, held: 0n });

    // A payment naming no deposit: the admin finds which one it was and enters its id.
    const target = await createDeposit({ merchantId: m.merchantId, method: "VA_BRI", amount: 10_000, actor: system });
    const orderId = `foreign-${Date.now()}`;
    await fetch(`${midtrans.url}/v2/charge`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${SERVER_KEY}:`).toString("base64")}`, "content-type": "application/json" },
      body: JSON.stringify({ payment_type: "qris", transaction_details: { order_id: orderId, gross_amount: 14_000 } }),
    });
    expect((await settle(orderId)).status).toBe(404);
    const unknown = await reviewFor(orderId);
    expect(unknown).toMatchObject({ outcome: "unknown_reference", depositId: null });
    expect(await caller.bankMutations.reviewCandidates({ eventId: unknown.id })).toEqual([]);
    await caller.bankMutations.resolveReview({ action: "credit", eventId: unknown.id, depositId: target.id, note: "Payer used the wrong QR" });
    expect(await db.deposit.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ status: "paid", paidAmount: 14_000n });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 15_000n + 10_000n, held: 0n }); // 14,000 less the VA fee
  });

  it("two admins deciding the same payment at once: one credit, the other is told", async () => {
    const m = await createMerchant();
    const a = await createDeposit({ merchantId: m.merchantId, method: "VA_BNI", amount: 40_000, actor: system });
    const b = await createDeposit({ merchantId: m.merchantId, method: "VA_BNI", amount: 40_000, actor: system });
    expect((await settle(a.id, 44_500)).json).toMatchObject({ outcome: "amount_mismatch" });
    const review = await reviewFor(a.id);
    const [one, two] = [await adminCaller(), await adminCaller()];
    const results = await Promise.allSettled([
      one.caller.bankMutations.resolveReview({ action: "credit", eventId: review.id, depositId: a.id, note: "first admin" }),
      two.caller.bankMutations.resolveReview({ action: "credit", eventId: review.id, depositId: b.id, note: "second admin" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 40_500n, held: 0n });
    expect(await db.deposit.count({ where: { id: { in: [a.id, b.id] }, status: "paid" } })).toBe(1);
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });

  it("is for admins only", async () => {
    const m = await createMerchant();
    const caller = await merchantCaller(m);
    await expect(caller.bankMutations.resolveReview({ action: "refunded_outside", eventId: "x", note: "not mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.bankMutations.reviewCandidates({ eventId: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
