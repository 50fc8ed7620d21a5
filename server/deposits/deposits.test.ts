import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createMerchant, signedSandboxWebhook } from "../../tests/helpers/fixtures";
import { db, engine } from "../db";
import { env } from "../env";
import { balanceOf, verifyInvariants } from "../ledger";
import { parseQrisPayload } from "../qris/emvco";
import { handleBankMutationWebhook, handleProviderWebhook } from "../http/provider-webhooks";
import { hmacSha512Hex } from "../crypto/hmac";
import { cancelDeposit } from "./cancel-deposit";
import { createDeposit } from "./create-deposit";
import { expireDueDeposits } from "./expire-deposit";
import { getDepositForMerchant } from "./find-deposits";
import { feeFor, methodConfig, quote } from "./methods";
import { assignBankMutation } from "./assign-bank-mutation";

const actor = { type: "SYSTEM" as const };
const pay = (reference: string, amount: bigint, eventId = `evt-${randomUUID()}`) =>
  signedSandboxWebhook({ event_id: eventId, reference, amount: Number(amount), paid_at: new Date().toISOString() });

function bankMutation(mutations: { id: string; amount: number; description?: string }[], secret = env.BANK_MUTATION_SECRET) {
  const raw = JSON.stringify({ mutations: mutations.map((m) => ({ description: "TRF", occurred_at: new Date().toISOString(), ...m })) });
  return new Request("http://localhost/api/webhooks/bank-mutation", { method: "POST", headers: { "x-signature": hmacSha512Hex(secret, raw) }, body: raw });
}

describe(`deposits on ${engine}`, () => {
  it("prices fees in exact integers: flat plus basis points rounded up", () => {
    expect(feeFor(methodConfig("QRIS"), 10_000n)).toBe(70n);
    expect(feeFor(methodConfig("QRIS"), 10_001n)).toBe(71n); // 70.007 → 71
    expect(quote("VA_BNI", 50_000n)).toMatchObject({ fee: 4_000n, total: 54_000n });
    expect(quote("QRIS", 9_999_999n).total).toBe(9_999_999n + 70_000n);
    expect(() => quote("QRIS", 10_000_001n)).toThrow(/between/);
    expect(() => quote("VA_XYZ", 50_000n)).toThrow(/Unknown method/);
  });

  it("issues a dynamic QRIS whose payload carries the total and the reference, CRC valid", async () => {
    const { merchantId } = await createMerchant("Kopi Senja");
    const deposit = await createDeposit({ merchantId, method: "QRIS", channel: "invoice", amount: 10_000, actor });
    expect(deposit).toMatchObject({ status: "pending", amount: 10_000n, fee: 70n, total: 10_070n, creditAmount: 10_000n });
    const qr = parseQrisPayload(deposit.qrisPayload!);
    expect(qr.crcValid).toBe(true);
    expect(qr.pointOfInitiation).toBe("12");
    expect(qr.amount).toBe(10_070n);
    // The QR carries the sandbox's reference (EMVCo allows 25 characters; a deposit id has 30).
    expect(qr.reference).toBe(deposit.providerRef);
    expect(deposit.expiredAt.getTime() - deposit.createdAt.getTime()).toBeGreaterThan(29 * 60_000);
    expect(deposit.expiredAt.getTime() - deposit.createdAt.getTime()).toBeLessThanOrEqual(30 * 60_000 + 1000);
  });

  it("issues VA numbers with the bank's prefix", async () => {
    const { merchantId } = await createMerchant();
    const bni = await createDeposit({ merchantId, method: "VA_BNI", amount: 50_000, actor });
    const bri = await createDeposit({ merchantId, method: "VA_BRI", amount: 50_000, actor });
    expect(bni.vaNumber).toMatch(/^8808\d{12}$/);
    expect(bri.vaNumber).toMatch(/^26215\d{11}$/);
    expect(bni.openKey).toBe(`VA:${bni.vaNumber}`);
    expect(bni.total).toBe(54_000n);
  });

  it("gives 50 concurrent tickets of the same amount 50 distinct totals", async () => {
    // Ten merchants, five each: the most one merchant may hold open for one amount (TICKET_MAX_OPEN_PER_AMOUNT).
    const merchants = await Promise.all(Array.from({ length: 10 }, () => createMerchant()));
    const tickets = await Promise.all(
      Array.from({ length: 50 }, (_, i) => createDeposit({ merchantId: merchants[i % 10]!.merchantId, method: "BANK_TRANSFER", amount: 100_000, actor })),
    );
    const totals = new Set(tickets.map((t) => t.total));
    expect(totals.size).toBe(50);
    for (const t of tickets) {
      expect(t.uniqueCode).toBeGreaterThanOrEqual(1);
      expect(t.uniqueCode).toBeLessThanOrEqual(999);
      expect(t.total).toBe(100_000n + BigInt(t.uniqueCode!));
      expect(t.creditAmount).toBe(t.total);
    }
  });

  it("credits once when the same signed webhook arrives 5 times at once", async () => {
    const { merchantId } = await createMerchant();
    const deposit = await createDeposit({ merchantId, method: "QRIS", channel: "invoice", amount: 25_000, actor });
    const eventId = `evt-${randomUUID()}`;
    const responses = await Promise.all(Array.from({ length: 5 }, async () => handleProviderWebhook("sandbox", await pay(deposit.id, deposit.total, eventId))));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ duplicate: boolean; outcome: string }>));
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1);
    expect(new Set(bodies.map((b) => b.outcome))).toEqual(new Set(["credited"]));
    expect(await balanceOf(db, merchantId)).toEqual({ available: 25_000n, held: 0n });
    expect(await db.providerEvent.count({ where: { eventId } })).toBe(1);
    expect(await db.outboxEvent.findMany({ where: { merchantId }, select: { type: true } })).toEqual([{ type: "invoice.paid" }]);
    const paid = await getDepositForMerchant(merchantId, deposit.id);
    expect(paid).toMatchObject({ status: "paid", paidAmount: 25_175n, openKey: null });
    // The fee went to revenue; the books balance.
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });

  it("a second event for an already paid deposit is recorded, not credited", async () => {
    const { merchantId } = await createMerchant();
    const deposit = await createDeposit({ merchantId, method: "VA_MANDIRI", amount: 30_000, actor });
    expect((await handleProviderWebhook("sandbox", await pay(deposit.vaNumber!, deposit.total))).status).toBe(200);
    const again = await handleProviderWebhook("sandbox", await pay(deposit.vaNumber!, deposit.total));
    expect(await again.json()).toMatchObject({ outcome: "late_payment", duplicate: false });
    expect((await balanceOf(db, merchantId)).available).toBe(30_000n);
  });

  it("refuses a bad signature with 401 and changes nothing", async () => {
    const { merchantId } = await createMerchant();
    const deposit = await createDeposit({ merchantId, method: "QRIS", amount: 10_000, actor });
    const eventsBefore = await db.providerEvent.count();
    const forged = await signedSandboxWebhook({ event_id: "forged", reference: deposit.id, amount: 10_070, paid_at: new Date().toISOString() }, "a-guessed-secret-value");
    const response = await handleProviderWebhook("sandbox", forged);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ success: false, code: "UNAUTHORIZED" });
    const unsigned = new Request("http://localhost/", { method: "POST", body: "{}" });
    expect((await handleProviderWebhook("sandbox", unsigned)).status).toBe(401);
    expect(await db.providerEvent.count()).toBe(eventsBefore);
    expect((await getDepositForMerchant(merchantId, deposit.id)).status).toBe("pending");
    expect((await balanceOf(db, merchantId)).available).toBe(0n);
  });

  it("records a payment after cancel for review and does not credit it", async () => {
    const { merchantId } = await createMerchant();
    const deposit = await createDeposit({ merchantId, method: "QRIS", channel: "invoice", amount: 15_000, actor });
    const cancelled = await cancelDeposit(merchantId, deposit.id, actor);
    expect(cancelled).toMatchObject({ status: "expired", openKey: null });
    expect(cancelled.cancelledAt).not.toBeNull();
    const response = await handleProviderWebhook("sandbox", await pay(deposit.id, deposit.total));
    expect(await response.json()).toMatchObject({ outcome: "late_payment" });
    expect((await balanceOf(db, merchantId)).available).toBe(0n);
    expect(await db.providerEvent.count({ where: { depositId: deposit.id, outcome: "late_payment" } })).toBe(1);
    expect(await db.outboxEvent.findMany({ where: { merchantId }, select: { type: true } })).toEqual([{ type: "invoice.expired" }]);
  });

  it("records an amount that differs from the total for review", async () => {
    const { merchantId } = await createMerchant();
    const deposit = await createDeposit({ merchantId, method: "QRIS", amount: 20_000, actor });
    const response = await handleProviderWebhook("sandbox", await pay(deposit.id, deposit.total - 1n));
    expect(await response.json()).toMatchObject({ outcome: "amount_mismatch" });
    expect((await getDepositForMerchant(merchantId, deposit.id)).status).toBe("pending");
    expect((await balanceOf(db, merchantId)).available).toBe(0n);
  });

  it("answers 404 for an unknown reference and keeps the event", async () => {
    const response = await handleProviderWebhook("sandbox", await pay("no-such-deposit", 10_000n, "evt-unknown-ref"));
    expect(response.status).toBe(404);
    expect(await db.providerEvent.findFirst({ where: { eventId: "evt-unknown-ref" } })).toMatchObject({ outcome: "unknown_reference" });
  });

  it("pays a ticket from a matching bank mutation and keeps an unmatched one for an admin", async () => {
    const { merchantId } = await createMerchant();
    const ticket = await createDeposit({ merchantId, method: "BANK_TRANSFER", amount: 200_000, actor });
    const unmatchedId = `mut-${randomUUID()}`;
    const response = await handleBankMutationWebhook(
      bankMutation([
        { id: `mut-${randomUUID()}`, amount: Number(ticket.total) },
        { id: unmatchedId, amount: 123_457 },
      ]),
    );
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: { status: string }[] };
    expect(results.map((r) => r.status)).toEqual(["matched", "unmatched"]);
    expect(await balanceOf(db, merchantId)).toEqual({ available: ticket.total, held: 0n });
    const unmatched = await db.bankMutation.findUniqueOrThrow({ where: { externalId: unmatchedId } });
    expect(unmatched.status).toBe("unmatched");

    // Replayed mutation: nothing new.
    const replay = await handleBankMutationWebhook(bankMutation([{ id: unmatchedId, amount: 123_457 }]));
    expect(((await replay.json()) as { results: { status: string }[] }).results[0]!.status).toBe("duplicate");

    // An admin assigns it to another (expired) ticket of this merchant, with a note.
    const late = await createDeposit({ merchantId, method: "BANK_TRANSFER", amount: 123_000, actor, now: new Date(Date.now() - 2 * 24 * 3600_000) });
    await expireDueDeposits();
    const paid = await assignBankMutation({ mutationId: unmatched.id, depositId: late.id, note: "Customer transferred after expiry", actor: { type: "USER", id: "admin-1" } });
    expect(paid.status).toBe("paid");
    expect((await balanceOf(db, merchantId)).available).toBe(ticket.total + 123_457n);
    expect(await db.auditLog.count({ where: { action: "bank_mutation.assign", targetId: unmatched.id } })).toBe(1);
    await expect(assignBankMutation({ mutationId: unmatched.id, depositId: late.id, note: "again", actor: { type: "USER", id: "admin-1" } })).rejects.toThrow(/already/);
  });

  it("refuses a badly signed bank mutation", async () => {
    const response = await handleBankMutationWebhook(bankMutation([{ id: "m-x", amount: 1000 }], "wrong-secret-wrong-secret"));
    expect(response.status).toBe(401);
    expect(await db.bankMutation.count({ where: { externalId: "m-x" } })).toBe(0);
  });

  it("expires pending deposits past their time, by the worker and on read", async () => {
    const { merchantId } = await createMerchant();
    const past = new Date(Date.now() - 2 * 24 * 3600_000);
    const a = await createDeposit({ merchantId, method: "VA_BNI", amount: 50_000, actor, now: past });
    const b = await createDeposit({ merchantId, method: "QRIS", amount: 50_000, actor, now: past });
    expect((await getDepositForMerchant(merchantId, a.id)).status).toBe("expired"); // on read
    expect(await expireDueDeposits()).toBeGreaterThanOrEqual(1); // b by the worker
    expect((await db.deposit.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("expired");
    expect(await db.outboxEvent.count({ where: { merchantId, type: "topup.expired" } })).toBe(2);
    // A payment for it now is not credited.
    await handleProviderWebhook("sandbox", await pay(b.id, b.total));
    expect((await balanceOf(db, merchantId)).available).toBe(0n);
  });
});
