// Prepaid use cases against a real database: catalogue, customer ids, order placement with
// holds (idempotent per ref_id, never below zero under races), completion with callbacks.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPrepaidMerchant, fund } from "../../tests/helpers/fixtures";
import { db, engine, transaction } from "../db";
import { balanceOf, verifyInvariants } from "../ledger";
import { sandboxPlnToken } from "../providers/sandbox/prepaid-supplier";
import { authenticatePrepaid, md5Hex, prepaidSign } from "./authenticate";
import { buyPrepaidProduct } from "./buy-product";
import { OPERATORS, PRODUCT_TYPES } from "./catalogue";
import { completeDuePrepaidOrders, settlePrepaidOrder } from "./complete-orders";
import { checkCustomerId, detectOperator, normaliseMsisdn } from "./customer-id";
import { lookupPlnCustomer } from "./inquiry-pln";
import { findProducts, listProducts } from "./list-products";
import { listPrepaidOrders } from "./list-orders";
import { placePrepaidOrder, type PlaceOrderResult } from "./place-order";
import { getPrepaidCredentials } from "./prepaid-credentials";
import { regeneratePrepaidKey } from "./regenerate-prepaid-key";
import { RESPONSE_CODES } from "./response-codes";
import { SEED_PRODUCTS } from "./seed-catalogue";
import { setPrepaidUsername } from "./set-prepaid-username";
import { updatePrepaidProduct } from "./update-product";
import { watchPrepaidOrders } from "./watch-orders";

const actor = { type: "SYSTEM" as const };
const later = () => new Date(Date.now() + 60 * 60_000);

function order(merchantId: string, productCode: string, customerId: string, refId = `ref-${randomUUID()}`) {
  return placePrepaidOrder({ merchantId, refId, productCode, customerId, actor });
}

function created(result: PlaceOrderResult) {
  if (result.kind !== "created") throw new Error(`expected a new order, got ${JSON.stringify(result, (_k, v) => (typeof v === "bigint" ? String(v) : v))}`);
  return result;
}

describe(`prepaid on ${engine}`, () => {
  it("normalises Indonesian numbers and detects the operator from every listed prefix", () => {
    expect(normaliseMsisdn("+62 812-3456-7890")).toBe("081234567890");
    expect(normaliseMsisdn("6281234567890")).toBe("081234567890");
    expect(normaliseMsisdn("0817777215")).toBe("0817777215");
    expect(normaliseMsisdn("081234")).toBeNull(); // too short
    expect(normaliseMsisdn("08123456789012")).toBeNull(); // 14 digits
    expect(normaliseMsisdn("0212345678")).toBeNull(); // landline
    expect(normaliseMsisdn("08a2345678")).toBeNull();
    const expected: Record<string, string[]> = {
      telkomsel: ["0811", "0812", "0813", "0821", "0822", "0823", "0851", "0852", "0853"],
      indosat: ["0814", "0815", "0816", "0855", "0856", "0857", "0858"],
      xl: ["0817", "0818", "0819", "0859", "0877", "0878"],
      axis: ["0831", "0832", "0833", "0838"],
      tri: ["0895", "0896", "0897", "0898", "0899"],
      smartfren: ["0881", "0882", "0883", "0884", "0885", "0886", "0887", "0888", "0889"],
    };
    for (const [operator, prefixes] of Object.entries(expected)) {
      for (const prefix of prefixes) expect(detectOperator(`${prefix}1234567`), prefix).toBe(operator);
    }
    for (const prefix of ["0810", "0820", "0834", "0850", "0860", "0870", "0879", "0880", "0890", "0894"]) expect(detectOperator(`${prefix}1234567`), prefix).toBeNull();
  });

  it("checks customer ids per product type", () => {
    expect(checkCustomerId("pulsa", "xl", "0817777215")).toEqual({ ok: true, customerId: "0817777215" });
    expect(checkCustomerId("data", "telkomsel", "+6281234567890")).toEqual({ ok: true, customerId: "081234567890" });
    expect(checkCustomerId("pulsa", "telkomsel", "0817777215")).toEqual({ ok: false, reason: "OPERATOR_MISMATCH" });
    expect(checkCustomerId("pulsa", "telkomsel", "0810777215")).toEqual({ ok: false, reason: "BAD_CUSTOMER" });
    expect(checkCustomerId("pulsa", "telkomsel", "12345")).toEqual({ ok: false, reason: "BAD_CUSTOMER" });
    expect(checkCustomerId("pln", "pln", "12345678901")).toMatchObject({ ok: true });
    expect(checkCustomerId("pln", "pln", "123456789012")).toMatchObject({ ok: true });
    expect(checkCustomerId("pln", "pln", "1234567890")).toMatchObject({ ok: false, reason: "BAD_CUSTOMER" });
    expect(checkCustomerId("pln", "pln", "1234567890123")).toMatchObject({ ok: false, reason: "BAD_CUSTOMER" });
    expect(checkCustomerId("games", "mobilelegends", "12345678|1234")).toEqual({ ok: true, customerId: "12345678|1234" });
    expect(checkCustomerId("games", "googleplay", "6281234567890")).toEqual({ ok: true, customerId: "081234567890" });
    expect(checkCustomerId("games", "freefire", "a b")).toMatchObject({ ok: false });
    expect(checkCustomerId("etoll", "mandiri", "6032984012345678")).toMatchObject({ ok: true });
    expect(checkCustomerId("etoll", "mandiri", "603298401234")).toMatchObject({ ok: false });
  });

  it("seeds a realistic catalogue of at least 40 products, idempotently", async () => {
    expect(SEED_PRODUCTS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(SEED_PRODUCTS.map((p) => p.code)).size).toBe(SEED_PRODUCTS.length);
    for (const p of SEED_PRODUCTS) {
      expect(PRODUCT_TYPES).toContain(p.type);
      expect(OPERATORS[p.operator].types as readonly string[]).toContain(p.type);
      expect(p.price).toBeGreaterThan(0n);
    }
    for (const code of ["htelkomsel10000", "xld25000", "pln20000"]) expect(SEED_PRODUCTS.some((p) => p.code === code), code).toBe(true);
    await createPrepaidMerchant();
    await createPrepaidMerchant(); // loads the catalogue again
    expect(await db.prepaidProduct.count()).toBe(SEED_PRODUCTS.length);
    const pulsaXl = await findProducts({ type: "pulsa", operator: "xl" });
    expect(pulsaXl.map((p) => p.code)).toEqual(["xld5000", "xld10000", "xld25000", "xld50000", "xld100000"]);
    expect((await findProducts({ search: "TOKEN pln" })).every((p) => p.type === "pln")).toBe(true);
    const page = await listProducts({ type: "pulsa", page: 2, pageSize: 10 });
    expect(page).toMatchObject({ total: 28, totalPages: 3, page: 2 });
    expect(page.items).toHaveLength(10);
  });

  it("places an order: PROCESS, the price held, the balance after it; the same ref_id again buys nothing", async () => {
    const m = await createPrepaidMerchant();
    await fund(m.merchantId, 100_000);
    const first = created(await order(m.merchantId, "xld25000", "0817777215", "order001"));
    expect(first.order).toMatchObject({ status: 0, rc: "39", message: "PROCESS", price: 25_000n, customerId: "0817777215", refId: "order001" });
    expect(first.balance).toBe(75_000n);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 75_000n, held: 25_000n });
    const hold = await db.ledgerHold.findUniqueOrThrow({ where: { id: first.order.holdId! } });
    expect(hold).toMatchObject({ status: "PENDING", amount: 25_000n, merchantId: m.merchantId });

    // Same ref, same body (the number written another way): that order, nothing bought.
    const again = await order(m.merchantId, "xld25000", "+62817777215", "order001");
    expect(again).toMatchObject({ kind: "existing", balance: 75_000n });
    if (again.kind === "existing") expect(again.order.trId).toBe(first.order.trId);

    // Same ref, different product or customer: an error, and nothing changes.
    expect(await order(m.merchantId, "xld50000", "0817777215", "order001")).toMatchObject({ kind: "rejected", code: "DUPLICATE_REF" });
    expect(await order(m.merchantId, "xld25000", "0817777216", "order001")).toMatchObject({ kind: "rejected", code: "DUPLICATE_REF" });
    expect(await db.prepaidOrder.count({ where: { merchantId: m.merchantId } })).toBe(1);
    expect(await db.ledgerHold.count({ where: { merchantId: m.merchantId } })).toBe(1);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 75_000n, held: 25_000n });

    // Another merchant may use the same ref_id for its own order.
    const other = await createPrepaidMerchant();
    await fund(other.merchantId, 30_000);
    expect(created(await order(other.merchantId, "xld25000", "0817777215", "order001")).order.trId).not.toBe(first.order.trId);
  });

  it("refuses unknown, inactive and mismatched purchases with their codes, changing nothing", async () => {
    const m = await createPrepaidMerchant();
    await fund(m.merchantId, 100_000);
    expect(await order(m.merchantId, "nosuchproduct", "0817777215")).toMatchObject({ kind: "rejected", code: "UNKNOWN_PRODUCT" });
    expect(await order(m.merchantId, "htelkomsel10000", "0817777215")).toMatchObject({ kind: "rejected", code: "OPERATOR_MISMATCH", price: 10_800n });
    expect(await order(m.merchantId, "htelkomsel10000", "0812")).toMatchObject({ kind: "rejected", code: "BAD_CUSTOMER" });
    expect(await order(m.merchantId, "pln20000", "1234567890")).toMatchObject({ kind: "rejected", code: "BAD_CUSTOMER" });
    await updatePrepaidProduct({ code: "hthree10000", active: false, actor });
    expect(await order(m.merchantId, "hthree10000", "0895123456789")).toMatchObject({ kind: "rejected", code: "OUT_OF_SERVICE" });
    expect(await order(m.merchantId, "pln1000000", "12345678901")).toMatchObject({ kind: "rejected", code: "INSUFFICIENT", price: 1_000_500n, balance: 100_000n });
    // Nothing bought; each refusal is kept (status 2, its rc, no hold) to bind its ref_id (issue 13 item 14).
    expect(await db.prepaidOrder.count({ where: { merchantId: m.merchantId, holdId: { not: null } } })).toBe(0);
    expect(await db.prepaidOrder.count({ where: { merchantId: m.merchantId, status: 2, holdId: null } })).toBe(6);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 100_000n, held: 0n });
    // A refused ref_id stays bound: once funded, the same request answers the same refusal, and
    // another product under that ref_id is a duplicate; a new ref_id buys.
    const refId = `ref-${randomUUID()}`;
    expect(await order(m.merchantId, "pln1000000", "12345678901", refId)).toMatchObject({ kind: "rejected", code: "INSUFFICIENT" });
    await fund(m.merchantId, 1_000_000);
    expect(await order(m.merchantId, "pln1000000", "12345678901", refId)).toMatchObject({ kind: "rejected", code: "INSUFFICIENT", balance: 1_100_000n });
    expect(await order(m.merchantId, "pln20000", "12345678901", refId)).toMatchObject({ kind: "rejected", code: "DUPLICATE_REF" });
    expect(created(await order(m.merchantId, "pln1000000", "12345678901")).balance).toBe(99_500n);
  });

  it("the same ref_id 20 times at once makes one order and one hold", async () => {
    const m = await createPrepaidMerchant();
    await fund(m.merchantId, 50_000);
    const results = await Promise.all(Array.from({ length: 20 }, () => order(m.merchantId, "htelkomsel10000", "081234567890", "race-1")));
    const trIds = new Set(results.map((r) => (r.kind === "rejected" ? -1 : r.order.trId)));
    expect(trIds.size).toBe(1);
    expect(trIds.has(-1)).toBe(false);
    expect(results.filter((r) => r.kind === "created")).toHaveLength(1);
    expect(await db.prepaidOrder.count({ where: { merchantId: m.merchantId } })).toBe(1);
    expect(await db.ledgerHold.count({ where: { merchantId: m.merchantId } })).toBe(1);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 39_200n, held: 10_800n });
  });

  it("two purchases racing for the last 25.000: one PROCESS, one INSUFFICIENT, never below zero", async () => {
    for (let round = 0; round < 3; round++) {
      const m = await createPrepaidMerchant();
      await fund(m.merchantId, 25_000);
      const results = await Promise.all([order(m.merchantId, "xld25000", "0817777215"), order(m.merchantId, "xld25000", "0818777215")]);
      expect(results.map((r) => (r.kind === "rejected" ? r.code : r.kind)).sort()).toEqual(["INSUFFICIENT", "created"]);
      expect(await balanceOf(db, m.merchantId)).toEqual({ available: 0n, held: 25_000n });
      expect(await db.prepaidOrder.count({ where: { merchantId: m.merchantId, holdId: { not: null } } })).toBe(1);
    }
  });

  it("success posts the hold to the supplier, with a prepaid.success callback; a PLN order gets a 20-digit token", async () => {
    await completeDuePrepaidOrders(later()); // earlier tests' orders, out of the way
    const m = await createPrepaidMerchant();
    await fund(m.merchantId, 200_000);
    const pulsa = created(await order(m.merchantId, "htelkomsel10000", "081234567890")).order;
    const pln = created(await order(m.merchantId, "pln50000", "12345678901")).order;
    const supplierBefore = (await db.ledgerAccount.findUnique({ where: { code: "system:prepaid_supplier" } }))?.balance ?? 0n;

    expect(await completeDuePrepaidOrders(new Date(0))).toBe(0); // nothing due yet
    expect(await completeDuePrepaidOrders(later())).toBe(2);
    expect(await completeDuePrepaidOrders(later())).toBe(0); // settled once

    const donePulsa = await db.prepaidOrder.findUniqueOrThrow({ where: { trId: pulsa.trId } });
    expect(donePulsa).toMatchObject({ status: 1, rc: "00", message: "SUCCESS" });
    expect(donePulsa.sn).toMatch(/^\d{16}$/);
    expect(donePulsa.completedAt).toBeInstanceOf(Date);
    const donePln = await db.prepaidOrder.findUniqueOrThrow({ where: { trId: pln.trId } });
    expect(donePln.sn).toMatch(/^\d{4}(-\d{4}){4}$/);
    expect(donePln.sn).toBe(sandboxPlnToken(donePln));

    expect(await db.ledgerHold.findUniqueOrThrow({ where: { id: pulsa.holdId! } })).toMatchObject({ status: "POSTED" });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 200_000n - 10_800n - 50_500n, held: 0n });
    const supplierAfter = (await db.ledgerAccount.findUniqueOrThrow({ where: { code: "system:prepaid_supplier" } })).balance;
    expect(supplierAfter - supplierBefore).toBe(10_800n + 50_500n);

    const events = await db.outboxEvent.findMany({ where: { merchantId: m.merchantId }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["prepaid.success", "prepaid.success"]);
    const data = events.map((e) => JSON.parse(e.data) as Record<string, unknown>).find((d) => d.tr_id === pulsa.trId)!;
    expect(Object.keys(data).sort()).toEqual(["balance", "customer_id", "message", "price", "product_code", "rc", "ref_id", "sn", "status", "tr_id"]);
    expect(data).toMatchObject({ ref_id: pulsa.refId, status: 1, product_code: "htelkomsel10000", customer_id: "081234567890", price: 10_800, message: "SUCCESS", rc: "00", sn: donePulsa.sn });
  });

  it("failure (customer id ending 9999) voids the hold and returns the funds, with a prepaid.failed callback", async () => {
    const m = await createPrepaidMerchant();
    await fund(m.merchantId, 30_000);
    const failing = created(await order(m.merchantId, "xld25000", "0817779999")).order;
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 5_000n, held: 25_000n });
    expect(await completeDuePrepaidOrders(later())).toBe(1);
    const done = await db.prepaidOrder.findUniqueOrThrow({ where: { trId: failing.trId } });
    expect(done).toMatchObject({ status: 2, rc: "07", message: "FAILED", sn: null });
    expect(done.failureReason).toBeTruthy();
    expect(await db.ledgerHold.findUniqueOrThrow({ where: { id: failing.holdId! } })).toMatchObject({ status: "VOIDED" });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 30_000n, held: 0n });
    const [event] = await db.outboxEvent.findMany({ where: { merchantId: m.merchantId } });
    expect(event!.type).toBe("prepaid.failed");
    expect(JSON.parse(event!.data)).toMatchObject({ ref_id: failing.refId, status: 2, rc: "07", message: "FAILED", balance: 30_000, tr_id: failing.trId, sn: "" });
  });

  it("a PLN token for a meter the supplier does not know fails and returns the funds", async () => {
    const m = await createPrepaidMerchant();
    await fund(m.merchantId, 20_500);
    const placed = created(await order(m.merchantId, "pln20000", "12345670000")).order;
    await completeDuePrepaidOrders(later());
    expect(await db.prepaidOrder.findUniqueOrThrow({ where: { trId: placed.trId } })).toMatchObject({ status: 2, rc: "07", sn: null });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 20_500n, held: 0n });
  });

  it("settling the same order twice at once posts once and sends one callback", async () => {
    const m = await createPrepaidMerchant();
    await fund(m.merchantId, 30_000);
    const placed = created(await order(m.merchantId, "xld25000", "0817777215")).order;
    const outcome = { status: "success" as const, sn: "1234567890123456" };
    const results = await Promise.all(Array.from({ length: 5 }, () => transaction((tx) => settlePrepaidOrder(tx, placed, outcome))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.outboxEvent.count({ where: { merchantId: m.merchantId } })).toBe(1);
    expect(await db.ledgerJournal.count({ where: { type: "HOLD_POST", reference: placed.refId } })).toBe(1);
  });

  it("watches a merchant's own orders until they are final", async () => {
    const m = await createPrepaidMerchant();
    const other = await createPrepaidMerchant();
    await fund(m.merchantId, 30_000);
    await fund(other.merchantId, 30_000);
    const mine = created(await order(m.merchantId, "xld10000", "0817777215")).order;
    const theirs = created(await order(other.merchantId, "xld10000", "0817777215")).order;
    const seen: { trId: number; status: number }[][] = [];
    const watching = (async () => {
      for await (const batch of watchPrepaidOrders(m.merchantId, [mine.trId, theirs.trId], undefined, 20)) seen.push(batch.map(({ trId, status }) => ({ trId, status })));
    })();
    await new Promise((r) => setTimeout(r, 60));
    await completeDuePrepaidOrders(later());
    await watching;
    expect(seen).toEqual([[{ trId: mine.trId, status: 0 }], [{ trId: mine.trId, status: 1 }]]);

    const list = await listPrepaidOrders(m.merchantId, { page: 1, pageSize: 20 });
    expect(list.items.map((o) => o.trId)).toEqual([mine.trId]);
    expect(list.items[0]).toMatchObject({ productName: "XL 10.000", operatorName: "XL Axiata", status: 1, rc: "00" });
  });

  it("buys from the portal with a one-time form token: a repeated submit does not buy twice", async () => {
    const m = await createPrepaidMerchant();
    await fund(m.merchantId, 20_000);
    const userActor = { type: "USER" as const, id: m.userId };
    const first = await buyPrepaidProduct({ merchantId: m.merchantId, productCode: "htelkomsel10000", customerId: "081234567890", clientRef: "form-token-1", actor: userActor });
    expect(first).toMatchObject({ ok: true, status: 0, rc: "39", price: 10_800n, balance: 9_200n, replayed: false, refId: "WEB-form-token-1" });
    const again = await buyPrepaidProduct({ merchantId: m.merchantId, productCode: "htelkomsel10000", customerId: "081234567890", clientRef: "form-token-1", actor: userActor });
    expect(again).toMatchObject({ ok: true, replayed: true });
    const broke = await buyPrepaidProduct({ merchantId: m.merchantId, productCode: "htelkomsel10000", customerId: "081234567890", clientRef: "form-token-2", actor: userActor });
    expect(broke).toEqual({ ok: false, code: "INSUFFICIENT", ...RESPONSE_CODES.INSUFFICIENT });
    expect(await db.auditLog.count({ where: { merchantId: m.merchantId, action: "prepaid.buy" } })).toBe(1);
  });

  it("admin price changes apply to new orders only", async () => {
    const m = await createPrepaidMerchant();
    await fund(m.merchantId, 100_000);
    const before = created(await order(m.merchantId, "haxis10000", "0831123456789")).order;
    await updatePrepaidProduct({ code: "haxis10000", price: 11_500n, actor });
    const after = created(await order(m.merchantId, "haxis10000", "0831123456789")).order;
    expect([before.price, after.price]).toEqual([10_850n, 11_500n]);
    expect((await db.prepaidOrder.findUniqueOrThrow({ where: { trId: before.trId } })).price).toBe(10_850n);
    await expect(updatePrepaidProduct({ code: "nope", active: false, actor })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updatePrepaidProduct({ code: "haxis10000", price: 0n, actor })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db.auditLog.count({ where: { action: "prepaid.product_update", targetId: "haxis10000" } })).toBe(1);
  });

  it("authenticates by username and md5(username + key + signed part); a regenerated key replaces the old one", async () => {
    const m = await createPrepaidMerchant();
    expect(prepaidSign("123", "key", "order001")).toBe(md5Hex("123keyorder001"));
    const sign = md5Hex(`${m.username}${m.apiKey}order9`);
    expect(await authenticatePrepaid({ username: m.username, sign, signed: "order9" })).toMatchObject({ ok: true, caller: { merchantId: m.merchantId } });
    expect(await authenticatePrepaid({ username: m.username, sign: sign.toUpperCase(), signed: "order9" })).toMatchObject({ ok: true });
    expect(await authenticatePrepaid({ username: m.username, sign, signed: "order10" })).toMatchObject({ ok: false, rc: { rc: "204" } });
    expect(await authenticatePrepaid({ username: "0800000000", sign, signed: "order9" })).toMatchObject({ ok: false, rc: { rc: "110" } });

    const { apiKey } = await regeneratePrepaidKey({ merchantId: m.merchantId, actor: { type: "USER", id: m.userId } });
    expect(apiKey).toMatch(/^[0-9a-f]{32}$/);
    expect(await getPrepaidCredentials(m.merchantId)).toEqual({ username: m.username, apiKey, ipAllowlist: null });
    expect(await authenticatePrepaid({ username: m.username, sign, signed: "order9" })).toMatchObject({ ok: false, rc: { rc: "204" } });
    expect(await authenticatePrepaid({ username: m.username, sign: md5Hex(`${m.username}${apiKey}order9`), signed: "order9" })).toMatchObject({ ok: true });

    await transaction((tx) => tx.merchant.update({ where: { id: m.merchantId }, data: { status: "SUSPENDED" } }));
    expect(await authenticatePrepaid({ username: m.username, sign: md5Hex(`${m.username}${apiKey}order9`), signed: "order9" })).toMatchObject({ ok: false, rc: { rc: "110" } });
  });

  it("lets a merchant without a phone number set its prepaid username once", async () => {
    const m = await createPrepaidMerchant();
    const fresh = await createPrepaidMerchant();
    await transaction((tx) => tx.merchant.update({ where: { id: fresh.merchantId }, data: { phone: null } }));
    const userActor = { type: "USER" as const, id: fresh.userId };
    await expect(setPrepaidUsername({ merchantId: fresh.merchantId, phone: "12", actor: userActor })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(setPrepaidUsername({ merchantId: fresh.merchantId, phone: m.username, actor: userActor })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await setPrepaidUsername({ merchantId: fresh.merchantId, phone: "+62 857 1234 5678", actor: userActor })).toEqual({ username: "085712345678" });
    await expect(setPrepaidUsername({ merchantId: fresh.merchantId, phone: "085712345679", actor: userActor })).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("looks up PLN meters deterministically; unknown or malformed meters are null", async () => {
    const a = await lookupPlnCustomer("12345678901");
    expect(a).toMatchObject({ meterNo: "12345678901", name: expect.any(String), tariff: expect.stringMatching(/^[RB]\d$/), power: expect.any(Number) });
    expect(await lookupPlnCustomer("12345678901")).toEqual(a);
    expect(await lookupPlnCustomer("123456789012")).not.toBeNull();
    expect(await lookupPlnCustomer("12345670000")).toBeNull();
    expect(await lookupPlnCustomer("1234")).toBeNull();
  });

  it("leaves the ledger consistent", async () => {
    const { ok, problems } = await verifyInvariants(db);
    expect(problems).toEqual([]);
    expect(ok).toBe(true);
  });
});
