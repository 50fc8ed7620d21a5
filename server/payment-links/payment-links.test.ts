// Issue 15 — payment links: creating and validating them, open amounts within their bounds,
// expiry and deactivation, single use under concurrent payers, totals, and the callbacks a
// link's payment raises. Real database (SQLite, and PostgreSQL with TEST_POSTGRES_URL).
import { randomUUID } from "node:crypto";
import type { Session } from "next-auth";
import { describe, expect, it } from "vitest";
import { createMerchant, signedSandboxWebhook } from "../../tests/helpers/fixtures";
import { db, engine, transaction } from "../db";
import { expireDepositInTx } from "../deposits/expire-deposit";
import { handleProviderWebhook } from "../http/provider-webhooks";
import { balanceOf, verifyInvariants } from "../ledger";
import { createCaller } from "../trpc/root";
import { createPaymentLink } from "./create-payment-link";
import { deactivatePaymentLink } from "./deactivate-payment-link";
import { getPaymentLinkForMerchant, listPaymentLinks } from "./find-payment-links";
import { newPaymentLinkId, PAYMENT_LINK_ID_PATTERN } from "./link-id";
import { startLinkPayment } from "./start-link-payment";
import { methodsForLink } from "./views";

const actor = { type: "SYSTEM" as const };
const pay = (reference: string, amount: bigint, paidAt = new Date()) =>
  signedSandboxWebhook({ event_id: `evt-${randomUUID()}`, reference, amount: Number(amount), paid_at: paidAt.toISOString() });
const publicCaller = () => createCaller({ session: null, ip: "198.51.100.20" });
const merchantCaller = (m: { merchantId: string; userId: string; email: string }) =>
  createCaller({
    session: { user: { id: m.userId, email: m.email, name: "Toko", role: "MERCHANT", merchantId: m.merchantId, locale: "id" }, expires: new Date(Date.now() + 3600_000).toISOString() } as Session,
    ip: "198.51.100.21",
  });
const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: { code?: string; message?: string }) => ({ code: e.code, message: e.message ?? "" }));
const payerKey = () => randomUUID();

async function paid(depositId: string, total: bigint, paidAt?: Date) {
  const res = await handleProviderWebhook("sandbox", await pay(depositId, total, paidAt));
  expect(res.status).toBe(200);
  return (await res.json()) as { outcome: string };
}

describe(`payment links on ${engine}`, () => {
  it("creates fixed and open links with unguessable ids, and refuses terms nobody could pay", async () => {
    const { merchantId } = await createMerchant();
    const fixed = await createPaymentLink({ merchantId, amount: 150_000n, description: "  Kaos Saldo L  ", actor });
    expect(fixed).toMatchObject({ amount: 150_000n, minAmount: null, maxAmount: null, description: "Kaos Saldo L", singleUse: false, status: "active", expiresAt: null });
    expect(fixed.id).toMatch(PAYMENT_LINK_ID_PATTERN);
    const open = await createPaymentLink({ merchantId, minAmount: 10_000n, maxAmount: 2_000_000n, description: "Donasi", singleUse: true, expiresAt: new Date(Date.now() + 86_400_000), actor });
    expect(open).toMatchObject({ amount: null, minAmount: 10_000n, maxAmount: 2_000_000n, singleUse: true });
    expect(await db.auditLog.count({ where: { action: "payment_link.create", merchantId } })).toBe(2);

    const refused: [string, Parameters<typeof createPaymentLink>[0]][] = [
      ["both", { merchantId, amount: 50_000n, minAmount: 10_000n, maxAmount: 90_000n, description: "x", actor }],
      ["neither", { merchantId, description: "x", actor }],
      ["min only", { merchantId, minAmount: 10_000n, description: "x", actor }],
      ["min above max", { merchantId, minAmount: 90_000n, maxAmount: 10_000n, description: "x", actor }],
      ["below every method", { merchantId, amount: 500n, description: "x", actor }],
      ["above every method", { merchantId, amount: 900_000_000n, description: "x", actor }],
      ["zero", { merchantId, amount: 0n, description: "x", actor }],
      ["empty description", { merchantId, amount: 50_000n, description: "   ", actor }],
      ["long description", { merchantId, amount: 50_000n, description: "x".repeat(201), actor }],
      ["expired already", { merchantId, amount: 50_000n, description: "x", expiresAt: new Date(Date.now() - 1000), actor }],
      ["expiry too far", { merchantId, amount: 50_000n, description: "x", expiresAt: new Date(Date.now() + 400 * 86_400_000), actor }],
    ];
    for (const [name, input] of refused) {
      expect(await failure(createPaymentLink(input)), name).toMatchObject({ code: "VALIDATION" });
    }
    expect(await db.paymentLink.count({ where: { merchantId } })).toBe(2);

    // A suspended merchant makes none.
    await db.merchant.update({ where: { id: merchantId }, data: { status: "SUSPENDED" } });
    expect(await failure(createPaymentLink({ merchantId, amount: 50_000n, description: "x", actor }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("link ids are 130 random bits: distinct, every position over the whole alphabet", () => {
    const ids = Array.from({ length: 10_000 }, () => newPaymentLinkId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(PAYMENT_LINK_ID_PATTERN);
    for (let position = 3; position < 29; position++) expect(new Set(ids.map((id) => id[position])).size, `position ${position}`).toBe(32);
  });

  it("the same idempotency key answers the same link; with other terms it is a conflict", async () => {
    const { merchantId } = await createMerchant();
    const input = { merchantId, amount: 75_000n, description: "Kursus", actor, idempotencyKey: "order-77" };
    const twins = await Promise.all([createPaymentLink(input), createPaymentLink(input), createPaymentLink(input)]);
    expect(new Set(twins.map((l) => l.id)).size).toBe(1);
    expect(await failure(createPaymentLink({ ...input, amount: 80_000n }))).toMatchObject({ code: "CONFLICT" });
    expect(await db.paymentLink.count({ where: { merchantId } })).toBe(1);
  });

  it("an open link takes amounts within its bounds only; the method's own limits apply too", async () => {
    const { merchantId } = await createMerchant();
    const link = await createPaymentLink({ merchantId, minAmount: 5_000n, maxAmount: 50_000n, description: "Tip", actor });
    for (const [amount, why] of [[4_999n, "below min"], [50_001n, "above max"], [null, "missing"]] as const) {
      expect(await failure(startLinkPayment({ linkId: link.id, method: "QRIS", amount, payerKey: payerKey() })), why).toMatchObject({ code: "VALIDATION" });
    }
    // Rp 5.000 is in the link's range but under a VA's Rp 10.000 minimum.
    expect(await failure(startLinkPayment({ linkId: link.id, method: "VA_BNI", amount: 5_000n, payerKey: payerKey() }))).toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/VA_BNI/) });
    expect(await failure(startLinkPayment({ linkId: link.id, method: "BANK_TRANSFER", amount: 20_000n, payerKey: payerKey() }))).toMatchObject({ code: "VALIDATION" });
    const deposit = await startLinkPayment({ linkId: link.id, method: "QRIS", amount: 5_000n, payerKey: payerKey() });
    expect(deposit).toMatchObject({ amount: 5_000n, fee: 35n, total: 5_035n, paymentLinkId: link.id, merchantId, status: "pending", channel: "topup" });
    const edge = await startLinkPayment({ linkId: link.id, method: "VA_BRI", amount: 50_000n, payerKey: payerKey() });
    expect(edge).toMatchObject({ amount: 50_000n, total: 54_000n, paymentLinkId: link.id });
    expect(await db.deposit.count({ where: { paymentLinkId: link.id } })).toBe(2);

    // A fixed link charges its own amount whatever the payer sends; a fixed Rp 5.000 offers no VA.
    const fixed = await createPaymentLink({ merchantId, amount: 5_000n, description: "Parkir", actor });
    expect(methodsForLink(fixed).map((m) => m.code)).toEqual(["QRIS"]);
    expect((await startLinkPayment({ linkId: fixed.id, method: "QRIS", amount: 1n, payerKey: payerKey() })).amount).toBe(5_000n);
    // Through the public tRPC procedure too: the payer's view offers only QRIS.
    const view = await publicCaller().paymentLinks.forPayer({ id: fixed.id });
    expect(view.methods.map((m) => m.code)).toEqual(["QRIS"]);
  });

  it("an expired or deactivated link takes no new payment; one already started is still credited", async () => {
    const m = await createMerchant();
    const { merchantId } = m;
    const expiring = await createPaymentLink({ merchantId, amount: 20_000n, description: "Promo", expiresAt: new Date(Date.now() + 60_000), actor });
    const later = new Date(Date.now() + 120_000);
    expect(await failure(startLinkPayment({ linkId: expiring.id, method: "QRIS", payerKey: payerKey(), now: later }))).toMatchObject({ code: "INVALID_STATE" });
    await db.paymentLink.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await failure(startLinkPayment({ linkId: expiring.id, method: "QRIS", payerKey: payerKey() }))).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/expired/) });
    expect((await publicCaller().paymentLinks.forPayer({ id: expiring.id })).status).toBe("expired");

    const link = await createPaymentLink({ merchantId, amount: 30_000n, description: "Tiket", actor });
    const started = await startLinkPayment({ linkId: link.id, method: "VA_BNI", payerKey: payerKey() });
    // Another merchant cannot switch it off: not found.
    const other = await createMerchant();
    expect(await failure(deactivatePaymentLink({ merchantId: other.merchantId, id: link.id, actor }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await merchantCaller(m).paymentLinks.deactivate({ id: link.id })).toEqual({ id: link.id, status: "inactive" });
    expect((await deactivatePaymentLink({ merchantId, id: link.id, actor })).status).toBe("inactive"); // twice: no change, no error
    expect(await db.auditLog.count({ where: { action: "payment_link.deactivate", targetId: link.id } })).toBe(1);
    expect(await failure(startLinkPayment({ linkId: link.id, method: "QRIS", payerKey: payerKey() }))).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/no longer active/) });
    expect(await paid(started.vaNumber!, started.total)).toMatchObject({ outcome: "credited" });
    expect((await balanceOf(db, merchantId)).available).toBe(30_000n);

    // The list tells the states apart, and filters by them.
    const list = await listPaymentLinks(merchantId, { page: 1, pageSize: 20 });
    expect(Object.fromEntries(list.items.map((l) => [l.id, l.status]))).toEqual({ [expiring.id]: "expired", [link.id]: "inactive" });
    expect((await listPaymentLinks(merchantId, { page: 1, pageSize: 20, status: "expired" })).items.map((l) => l.id)).toEqual([expiring.id]);
    expect((await listPaymentLinks(merchantId, { page: 1, pageSize: 20, status: "active" })).total).toBe(0);
  });

  it("single use: concurrent payers converge on one payment; after it is paid the link is completed and says so", async () => {
    const { merchantId } = await createMerchant("Warung Satu");
    const link = await createPaymentLink({ merchantId, amount: 40_000n, description: "Nasi kotak", singleUse: true, actor });
    // Eight payers at once, the same method: one deposit, the same for all.
    const same = await Promise.all(Array.from({ length: 8 }, () => startLinkPayment({ linkId: link.id, method: "QRIS", payerKey: payerKey() })));
    expect(new Set(same.map((d) => d.id)).size).toBe(1);
    // Another method while it is open: refused cleanly, nothing new opened.
    const other = await Promise.all(Array.from({ length: 4 }, () => failure(startLinkPayment({ linkId: link.id, method: "VA_BRI", payerKey: payerKey() }))));
    for (const refusal of other) expect(refusal).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/in progress/) });
    expect(await db.deposit.count({ where: { paymentLinkId: link.id } })).toBe(1);

    const deposit = same[0]!;
    expect(await paid(deposit.id, deposit.total)).toMatchObject({ outcome: "credited" });
    const after = await db.paymentLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(after.status).toBe("completed");
    expect(after.completedAt).not.toBeNull();
    expect(await failure(startLinkPayment({ linkId: link.id, method: "QRIS", payerKey: payerKey() }))).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/already been paid/) });
    expect((await publicCaller().paymentLinks.forPayer({ id: link.id })).status).toBe("completed");
    expect(await db.deposit.count({ where: { paymentLinkId: link.id } })).toBe(1);

    // The usual callback (with the link's id) and the link's own.
    const events = await db.outboxEvent.findMany({ where: { merchantId }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["topup.success", "payment_link.paid"]);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ id: deposit.id, status: "Success", payment_link_id: link.id });
    expect(JSON.parse(events[1]!.data)).toMatchObject({ id: deposit.id, amount: 40_000, status: "Success", payment_link_id: link.id, payment_link_status: "completed", single_use: true });
    expect((await balanceOf(db, merchantId)).available).toBe(40_000n);
  });

  it("single use: a payment that closed unpaid frees the link for the next payer", async () => {
    const { merchantId } = await createMerchant();
    const link = await createPaymentLink({ merchantId, amount: 25_000n, description: "Kue", singleUse: true, actor });
    const first = await startLinkPayment({ linkId: link.id, method: "QRIS", payerKey: payerKey() });
    await transaction((tx) => expireDepositInTx(tx, first, "cancelled", actor));
    // Several payers after it closed: one new attempt between them.
    const next = await Promise.all(Array.from({ length: 5 }, () => startLinkPayment({ linkId: link.id, method: "VA_MANDIRI", payerKey: payerKey() })));
    expect(new Set(next.map((d) => d.id)).size).toBe(1);
    expect(next[0]!.id).not.toBe(first.id);
    expect((await db.paymentLink.findUniqueOrThrow({ where: { id: link.id } })).paymentSeq).toBe(1);
    // A pending payment past its expiry counts as closed too.
    await db.deposit.update({ where: { id: next[0]!.id }, data: { expiredAt: new Date(Date.now() - 1000) } });
    const third = await startLinkPayment({ linkId: link.id, method: "QRIS", payerKey: payerKey() });
    expect(third.id).not.toBe(next[0]!.id);
    expect((await db.deposit.findUniqueOrThrow({ where: { id: next[0]!.id } })).status).toBe("expired");
  });

  it("single use: when two payments both arrive, both are credited and the link is completed once", async () => {
    const { merchantId } = await createMerchant();
    const link = await createPaymentLink({ merchantId, amount: 60_000n, description: "Sewa", singleUse: true, actor });
    // Payer A's VA expires by the clock (its payment is still in flight); payer B then opens a second VA.
    const a = await startLinkPayment({ linkId: link.id, method: "VA_BNI", payerKey: payerKey() });
    const aExpiry = new Date(Date.now() - 60_000);
    await db.deposit.update({ where: { id: a.id }, data: { expiredAt: aExpiry } });
    const b = await startLinkPayment({ linkId: link.id, method: "VA_BRI", payerKey: payerKey() });
    expect(b.id).not.toBe(a.id);
    // Both payments arrive at the same moment: A's made before its expiry (reported late), and B's.
    const [outA, outB] = await Promise.all([paid(a.vaNumber!, a.total, new Date(aExpiry.getTime() - 60_000)), paid(b.vaNumber!, b.total)]);
    expect([outA.outcome, outB.outcome]).toEqual(["credited", "credited"]);
    // Never lose a payment: both credited once each.
    expect((await balanceOf(db, merchantId)).available).toBe(120_000n);
    const final = await db.paymentLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(final.status).toBe("completed");
    // Completed once: the second payment is recorded for the merchant (to refund if it wants).
    expect(await db.auditLog.count({ where: { action: "payment_link.extra_payment", targetId: link.id } })).toBe(1);
    expect(await db.outboxEvent.count({ where: { merchantId, type: "payment_link.paid" } })).toBe(2);
    const { totals } = await getPaymentLinkForMerchant(merchantId, link.id);
    expect(totals).toEqual({ paidCount: 2, totalPaid: 120_000n });
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });

  it("multiple use: each payer's form key opens one payment; totals count paid payments per link and in all", async () => {
    const m = await createMerchant();
    const { merchantId } = m;
    const link = await createPaymentLink({ merchantId, minAmount: 10_000n, maxAmount: 500_000n, description: "Iuran", actor });
    const quiet = await createPaymentLink({ merchantId, amount: 15_000n, description: "Belum dibayar", actor });
    const key = payerKey();
    const double = await Promise.all([
      startLinkPayment({ linkId: link.id, method: "QRIS", amount: 100_000n, payerKey: key }),
      startLinkPayment({ linkId: link.id, method: "QRIS", amount: 100_000n, payerKey: key }),
    ]);
    expect(double[0]!.id).toBe(double[1]!.id);
    const second = await startLinkPayment({ linkId: link.id, method: "VA_PERMATA", amount: 250_000n, payerKey: payerKey() });
    const unpaid = await startLinkPayment({ linkId: link.id, method: "QRIS", amount: 10_000n, payerKey: payerKey() });
    await paid(double[0]!.id, double[0]!.total);
    await paid(second.vaNumber!, second.total);
    expect(unpaid.status).toBe("pending");
    // A multiple-use link stays active after payments.
    expect((await db.paymentLink.findUniqueOrThrow({ where: { id: link.id } })).status).toBe("active");

    const detail = await merchantCaller(m).paymentLinks.get({ id: link.id, page: 1 });
    expect(detail.link).toMatchObject({ id: link.id, paidCount: 2, totalPaid: 350_000n, status: "active" });
    expect(detail.payments.total).toBe(3);
    expect(detail.payments.items.map((d) => d.status).sort()).toEqual(["paid", "paid", "pending"]);
    const list = await merchantCaller(m).paymentLinks.list({ page: 1, pageSize: 1 });
    expect(list.total).toBe(2);
    expect(list.totalPages).toBe(2);
    expect(list.totals).toEqual({ links: 2, paidCount: 2, totalPaid: 350_000n });
    const all = await listPaymentLinks(merchantId, { page: 1, pageSize: 20 });
    expect(Object.fromEntries(all.items.map((l) => [l.id, [l.paidCount, l.totalPaid]]))).toEqual({ [link.id]: [2, 350_000n], [quiet.id]: [0, 0n] });
    expect((await balanceOf(db, merchantId)).available).toBe(350_000n);
  });

  it("the payer sees only what paying needs; another merchant and malformed ids find nothing", async () => {
    const m = await createMerchant("Toko Terang");
    const link = await createPaymentLink({ merchantId: m.merchantId, amount: 20_000n, description: "Lampu", actor });
    const view = await publicCaller().paymentLinks.forPayer({ id: link.id });
    expect(Object.keys(view).sort()).toEqual(["amount", "description", "expiresAt", "id", "maxAmount", "merchantName", "methods", "minAmount", "singleUse", "status"]);
    expect(view).toMatchObject({ merchantName: "Toko Terang", amount: "20000", status: "active" });
    expect(JSON.stringify(view)).not.toContain(m.merchantId);
    const { paymentId } = await publicCaller().paymentLinks.startPayment({ id: link.id, method: "QRIS", payerKey: payerKey() });
    expect((await publicCaller().paymentLinks.payment({ id: link.id, paymentId })).id).toBe(paymentId);

    // A deposit that is not this link's is not found through it.
    const otherLink = await createPaymentLink({ merchantId: m.merchantId, amount: 20_000n, description: "Lain", actor });
    expect(await failure(publicCaller().paymentLinks.payment({ id: otherLink.id, paymentId }))).toMatchObject({ code: "NOT_FOUND" });
    const other = await createMerchant();
    expect(await failure(merchantCaller(other).paymentLinks.get({ id: link.id, page: 1 }))).toMatchObject({ code: "NOT_FOUND" });
    for (const bad of ["pl_unknown", "pl_3v8k2m9x7q4c1b6n5t0w8r2y4h", "../etc", "x".repeat(64)]) {
      expect(await failure(publicCaller().paymentLinks.forPayer({ id: bad })), bad).toMatchObject({ code: "NOT_FOUND" });
      expect(await failure(startLinkPayment({ linkId: bad, method: "QRIS" })), bad).toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
