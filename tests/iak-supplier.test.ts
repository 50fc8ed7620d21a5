// IAK as Saldo's prepaid supplier (PREPAID_SUPPLIER=iak), against the local fake of IAK's
// documented API (tests/fakes/iak.ts) over real HTTP: a merchant's purchase through Saldo's own
// IAK-compatible API → the worker places it at IAK (Saldo's upstream ref_id, md5 sign) → IAK's
// answer, callback or silence → the ledger and the merchant's callback. Then the price list
// refresh and PLN inquiry through the fake.
import { createHash } from "node:crypto";
import type { Session } from "next-auth";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startIakFake } from "./fakes/iak";

const IAK_USER = "081200009999";
const IAK_KEY = "iak-dev-key-for-saldo-tests-0123456789";
const IAK_IP = "52.76.169.212";

// The environment is read when server modules are first imported: point it at the fake first.
const iak = await startIakFake({ username: IAK_USER, apiKey: IAK_KEY });
Object.assign(process.env, {
  PREPAID_SUPPLIER: "iak",
  IAK_USERNAME: IAK_USER,
  IAK_API_KEY: IAK_KEY,
  IAK_API_URL: iak.url,
  IAK_TIMEOUT_MS: "400",
  IAK_CALLBACK_IPS: `${IAK_IP}, 127.0.0.1`,
  PREPAID_DEFAULT_MARGIN: "100",
});

const topUpRoute = await import("@/app/api/prepaid/top-up/route");
const checkStatusRoute = await import("@/app/api/prepaid/check-status/route");
const inquiryPlnRoute = await import("@/app/api/prepaid/inquiry-pln/route");
const pricelistRoute = await import("@/app/api/prepaid/pricelist/route");
const iakWebhookRoute = await import("@/app/api/webhooks/iak/route");
const { db, engine } = await import("@/server/db");
const { balanceOf, verifyInvariants } = await import("@/server/ledger");
const { completeDuePrepaidOrders } = await import("@/server/prepaid/complete-orders");
const { updatePrepaidProduct } = await import("@/server/prepaid/update-product");
const { refreshPrepaidPricelist } = await import("@/server/prepaid/refresh-prepaid-pricelist");
const { prepaidSupplier } = await import("@/server/providers");
const { outcomeOf, nextCheck } = await import("@/server/providers/iak/prepaid-supplier");
const { createCaller } = await import("@/server/trpc/root");
const { createPrepaidMerchant, enrolTwoFactor, fund } = await import("./helpers/fixtures");

afterAll(() => iak.close());

type Data = Record<string, unknown>;
const md5 = (text: string) => createHash("md5").update(text).digest("hex");
const farFuture = () => new Date(Date.now() + 3 * 24 * 3_600_000);
const REF = /^saldo-\d+-[0-9a-f]{8}$/;

async function callPrepaid(route: { POST: (req: Request) => Promise<Response> }, endpoint: string, body: Record<string, string>): Promise<Data> {
  const res = await route.POST(new Request(`http://localhost/api/prepaid/${endpoint}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
  return ((await res.json()) as { data: Data }).data;
}

async function merchant(balance = 200_000) {
  const m = await createPrepaidMerchant();
  if (balance > 0) await fund(m.merchantId, balance);
  const sign = (salt: string) => md5(m.username + m.apiKey + salt);
  return {
    ...m,
    topUp: (ref_id: string, product_code: string, customer_id: string) =>
      callPrepaid(topUpRoute, "top-up", { username: m.username, ref_id, product_code, customer_id, sign: sign(ref_id) }),
    checkStatus: (ref_id: string) => callPrepaid(checkStatusRoute, "check-status", { username: m.username, ref_id, sign: sign(ref_id) }),
    inquiryPln: (customer_id: string) => callPrepaid(inquiryPlnRoute, "inquiry-pln", { username: m.username, customer_id, sign: sign(customer_id) }),
    pricelist: (fields: Record<string, string> = {}) => callPrepaid(pricelistRoute, "pricelist", { username: m.username, sign: sign("pl"), ...fields }),
  };
}

const orderOf = (merchantId: string, refId: string) => db.prepaidOrder.findUniqueOrThrow({ where: { merchantId_refId: { merchantId, refId } } });
const iakRequests = (path: string) => iak.requests.filter((r) => r.path === path);

/** Delivers IAK's callback for `supplierRef` to Saldo's route, from IAK's address unless told otherwise. */
async function postCallback(body: unknown, ip = IAK_IP) {
  const res = await iakWebhookRoute.POST(
    new Request("http://localhost/api/webhooks/iak", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": ip }, body: JSON.stringify(body) }),
  );
  return { status: res.status, body: (await res.json()) as Data };
}

/** Leaves no order in PROCESS behind for the next test: the fake completes what it has, the worker settles. */
async function drain() {
  for (let round = 0; round < 3; round++) {
    await completeDuePrepaidOrders(farFuture());
    for (const o of await db.prepaidOrder.findMany({ where: { status: 0 } })) {
      const at = o.supplierRef ? iak.state.orders.get(o.supplierRef) : undefined;
      if (at && at.status === 0) iak.complete(o.supplierRef!);
    }
  }
  await completeDuePrepaidOrders(farFuture());
}

beforeEach(drain);

describe(`IAK as the prepaid supplier on ${engine}`, () => {
  it("places a merchant's purchase at IAK from the worker, with Saldo's own ref_id and md5(username + api_key + ref_id)", async () => {
    expect(prepaidSupplier().name).toBe("iak");
    const m = await merchant(100_000);
    const before = iak.requests.length;
    const answer = await m.topUp("order001", "htelkomsel10000", "081234567890");
    expect(answer).toMatchObject({ ref_id: "order001", status: 0, rc: "39", price: 10_800, balance: 89_200 });
    // accept() has no effect outside the transaction: nothing went to IAK yet.
    expect(iak.requests.length).toBe(before);
    const placed = await orderOf(m.merchantId, "order001");
    expect(placed.supplierRef).toMatch(REF);
    expect(placed.supplierRef).toContain(`saldo-${placed.trId}-`);

    await completeDuePrepaidOrders(new Date());
    const sent = iakRequests("/api/top-up").filter((r) => (r.body as Data).ref_id === placed.supplierRef);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual({
      username: IAK_USER,
      ref_id: placed.supplierRef,
      customer_id: "081234567890",
      product_code: "htelkomsel10000",
      sign: md5(IAK_USER + IAK_KEY + placed.supplierRef),
    });
    expect(sent[0]!.headers["content-type"]).toContain("application/json");
    // IAK answered PROCESS: still PROCESS in Saldo, money held, asked again later.
    const pending = await orderOf(m.merchantId, "order001");
    expect(pending.status).toBe(0);
    expect(pending.completeAfter.getTime()).toBeGreaterThan(Date.now());
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 89_200n, held: 10_800n });
  });

  it("two merchants reusing one ref_id reach IAK as two distinct ref_ids", async () => {
    const [a, b] = [await merchant(), await merchant()];
    await a.topUp("same-ref", "xld10000", "0817777215");
    await b.topUp("same-ref", "xld10000", "0817777216");
    await completeDuePrepaidOrders(new Date());
    const refs = [(await orderOf(a.merchantId, "same-ref")).supplierRef!, (await orderOf(b.merchantId, "same-ref")).supplierRef!];
    expect(new Set(refs).size).toBe(2);
    expect(refs.map((r) => iak.state.orders.get(r)?.customer_id)).toEqual(["0817777215", "0817777216"]);
    expect(iak.state.orders.has("same-ref")).toBe(false);
  });

  it("IAK's success → SUCCESS with its sn, the hold posted (margin to fee revenue), the merchant's callback enqueued; bought once", async () => {
    const m = await merchant(100_000);
    await m.topUp("ok-1", "htelkomsel10000", "081234567890");
    await completeDuePrepaidOrders(new Date());
    const { supplierRef, holdId } = await orderOf(m.merchantId, "ok-1");
    const iakBalance = iak.state.balance;
    iak.complete(supplierRef!, "0012345678901234");

    expect(await completeDuePrepaidOrders(farFuture())).toBe(1);
    const done = await orderOf(m.merchantId, "ok-1");
    expect(done).toMatchObject({ status: 1, rc: "00", message: "SUCCESS", sn: "0012345678901234" });
    expect(await m.checkStatus("ok-1")).toMatchObject({ status: 1, rc: "00", sn: "0012345678901234" });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 89_200n, held: 0n });
    expect((await db.ledgerHold.findUniqueOrThrow({ where: { id: holdId! } })).status).toBe("POSTED");
    // IAK charged 10.750 for what Saldo sells at 10.800: 50 is Saldo's margin.
    const settle = await db.ledgerJournal.findFirstOrThrow({ where: { type: "HOLD_POST", reference: "ok-1" }, include: { entries: { include: { account: true } } } });
    expect(Object.fromEntries(settle.entries.map((e) => [e.account.code, e.amount]))).toMatchObject({ "system:prepaid_supplier": 10_750n, "system:fee_revenue": 50n });
    const events = await db.outboxEvent.findMany({ where: { merchantId: m.merchantId, type: { startsWith: "prepaid." } } });
    expect(events.map((e) => e.type)).toEqual(["prepaid.success"]);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ ref_id: "ok-1", status: 1, sn: "0012345678901234", rc: "00" });
    // Asking again (the repeated top-up) never bought a second time.
    expect(iak.state.balance).toBe(iakBalance);
    expect([...iak.state.orders.values()].filter((o) => o.ref_id === supplierRef)).toHaveLength(1);
    expect(await completeDuePrepaidOrders(farFuture())).toBe(0);
  });

  it("IAK's failure → FAILED with IAK's message, the hold voided and the funds back, prepaid.failed enqueued", async () => {
    const m = await merchant(100_000);
    await m.topUp("fail-1", "xld25000", "0817777215");
    await completeDuePrepaidOrders(new Date());
    const { supplierRef } = await orderOf(m.merchantId, "fail-1");
    iak.fail(supplierRef!, "13");
    await completeDuePrepaidOrders(farFuture());
    const failed = await orderOf(m.merchantId, "fail-1");
    expect(failed).toMatchObject({ status: 2, rc: "07", message: "FAILED" });
    expect(failed.failureReason).toBe("CUSTOMER NUMBER BLOCKED (IAK rc 13)");
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 100_000n, held: 0n });
    const events = await db.outboxEvent.findMany({ where: { merchantId: m.merchantId, type: { startsWith: "prepaid." } } });
    expect(events.map((e) => e.type)).toEqual(["prepaid.failed"]);

    // Refused on the spot (wrong number at IAK): failed on the first answer.
    iak.script("topUp", { kind: "fail", rc: "14" });
    await m.topUp("fail-2", "xld10000", "0817777215");
    await completeDuePrepaidOrders(new Date());
    expect(await orderOf(m.merchantId, "fail-2")).toMatchObject({ status: 2, failureReason: "INCORRECT DESTINATION NUMBER (IAK rc 14)" });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 100_000n, held: 0n });
  });

  it("rc 17 (Saldo's own deposit at IAK ran out) fails the order, refunds the merchant, and alerts admins in the audit log", async () => {
    const m = await merchant(100_000);
    const saved = iak.state.balance;
    iak.state.balance = 1_000;
    try {
      await m.topUp("broke-1", "xld25000", "0817777215");
      await completeDuePrepaidOrders(new Date());
    } finally {
      iak.state.balance = saved;
    }
    const order = await orderOf(m.merchantId, "broke-1");
    expect(order).toMatchObject({ status: 2, rc: "07" });
    // The merchant is not told that Saldo's deposit is low: only that the supplier cannot serve now.
    expect(order.failureReason).toContain("IAK rc 17");
    expect(order.failureReason).not.toContain("INSUFFICIENT");
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 100_000n, held: 0n });
    const alert = await db.auditLog.findFirstOrThrow({ where: { action: "prepaid.supplier_alert", targetId: String(order.trId) } });
    expect(alert).toMatchObject({ actorType: "PROVIDER", actorId: "iak" });
    expect(JSON.parse(alert.metadata!)).toMatchObject({ alert: expect.stringContaining("deposit at IAK is too low") });
  });

  it("a timeout, a 5xx, a dropped connection or a garbage answer leave the order in PROCESS with the money held; asked again it settles, bought once", async () => {
    const m = await merchant(100_000);
    await m.topUp("flaky-1", "xld25000", "0817777215");
    const { supplierRef } = await orderOf(m.merchantId, "flaky-1");

    // 1. IAK takes the order but the answer never arrives in time.
    iak.script("topUp", { kind: "hang", ms: 1_500 });
    await completeDuePrepaidOrders(new Date());
    expect(iak.state.orders.get(supplierRef!)?.status).toBe(0); // IAK has it
    expect(await orderOf(m.merchantId, "flaky-1")).toMatchObject({ status: 0 });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 75_000n, held: 25_000n });

    // 2–4. A gateway's 502, a reset connection, a 200 that is not IAK's JSON: still unknown.
    iak.script("topUp", { kind: "http", status: 502 }, { kind: "drop" }, { kind: "http", status: 200, body: "<html>maintenance</html>" });
    for (let i = 0; i < 3; i++) await completeDuePrepaidOrders(farFuture());
    expect(await orderOf(m.merchantId, "flaky-1")).toMatchObject({ status: 0 });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 75_000n, held: 25_000n });

    // IAK finishes; the next ask settles it.
    iak.complete(supplierRef!, "SN-FLAKY");
    expect(await completeDuePrepaidOrders(farFuture())).toBe(1);
    expect(await orderOf(m.merchantId, "flaky-1")).toMatchObject({ status: 1, sn: "SN-FLAKY" });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 75_000n, held: 0n });
    expect(iakRequests("/api/top-up").filter((r) => (r.body as Data).ref_id === supplierRef).length).toBeGreaterThanOrEqual(5);
    expect([...iak.state.orders.keys()].filter((k) => k === supplierRef)).toHaveLength(1);
  });

  it("a first placement lost before IAK saw it (dropped, not processed) is placed by the next ask", async () => {
    const m = await merchant(100_000);
    await m.topUp("lost-1", "xld10000", "0817777215");
    const { supplierRef } = await orderOf(m.merchantId, "lost-1");
    iak.script("topUp", { kind: "drop", processed: false });
    await completeDuePrepaidOrders(new Date());
    expect(iak.state.orders.has(supplierRef!)).toBe(false);
    expect(await orderOf(m.merchantId, "lost-1")).toMatchObject({ status: 0 });
    await completeDuePrepaidOrders(farFuture());
    expect(iak.state.orders.get(supplierRef!)).toMatchObject({ status: 0, rc: "39" });
  });

  describe("IAK's callback at POST /api/webhooks/iak", () => {
    async function pendingAtIak(refId: string) {
      const m = await merchant(100_000);
      await m.topUp(refId, "xld10000", "0817777215");
      await completeDuePrepaidOrders(new Date());
      const order = await orderOf(m.merchantId, refId);
      expect(iak.state.orders.get(order.supplierRef!)?.status).toBe(0);
      return { m, order, ref: order.supplierRef! };
    }

    it("a correctly signed callback settles the order on what check-status answers, exactly once; duplicates change nothing", async () => {
      const { m, ref } = await pendingAtIak("cb-1");
      iak.complete(ref, "1234-5678-9012-3456-7890");
      const asked = iakRequests("/api/check-status").length;
      const first = await postCallback(iak.callbackBody(ref));
      expect(first).toEqual({ status: 200, body: { success: true, outcome: "settled", tr_id: expect.any(Number), status: 1 } });
      expect(iakRequests("/api/check-status").length).toBe(asked + 1);
      const checked = iakRequests("/api/check-status").at(-1)!.body;
      expect(checked).toEqual({ username: IAK_USER, ref_id: ref, sign: md5(IAK_USER + IAK_KEY + ref) });
      expect(await orderOf(m.merchantId, "cb-1")).toMatchObject({ status: 1, sn: "1234-5678-9012-3456-7890" });

      const again = await postCallback(iak.callbackBody(ref));
      expect(again).toEqual({ status: 200, body: { success: true, outcome: "already_settled", tr_id: expect.any(Number), status: 1 } });
      expect(await db.outboxEvent.count({ where: { merchantId: m.merchantId, type: "prepaid.success" } })).toBe(1);
      expect(await db.ledgerJournal.count({ where: { type: "HOLD_POST", reference: "cb-1" } })).toBe(1);
      expect(await balanceOf(db, m.merchantId)).toEqual({ available: 100_000n - 10_900n, held: 0n });
      // The worker finds nothing left to do.
      expect(await completeDuePrepaidOrders(farFuture())).toBe(0);
    });

    it("a failure reported by callback and confirmed by check-status voids the hold", async () => {
      const { m, ref } = await pendingAtIak("cb-fail");
      iak.fail(ref, "07");
      expect((await postCallback(iak.callbackBody(ref))).body).toMatchObject({ outcome: "settled", status: 2 });
      expect(await balanceOf(db, m.merchantId)).toEqual({ available: 100_000n, held: 0n });
    });

    it("a callback claiming success while check-status says PROCESS leaves the order pending", async () => {
      const { m, ref } = await pendingAtIak("cb-liar");
      const claim = await postCallback(iak.callbackBody(ref, { status: 1, overrides: { sn: "FORGED" } }));
      expect(claim).toEqual({ status: 200, body: { success: true, outcome: "pending", tr_id: expect.any(Number), status: 0 } });
      expect(await orderOf(m.merchantId, "cb-liar")).toMatchObject({ status: 0, sn: null });
      expect(await balanceOf(db, m.merchantId)).toEqual({ available: 100_000n - 10_900n, held: 10_900n });
    });

    it("a wrong sign is refused with 401 and changes nothing, without asking IAK", async () => {
      const { m, ref } = await pendingAtIak("cb-bad-sign");
      iak.complete(ref);
      const asked = iakRequests("/api/check-status").length;
      const res = await postCallback(iak.callbackBody(ref, { badSignature: true }));
      expect(res).toEqual({ status: 401, body: { success: false, error: expect.any(String), code: "UNAUTHORIZED" } });
      expect(iakRequests("/api/check-status").length).toBe(asked);
      expect(await orderOf(m.merchantId, "cb-bad-sign")).toMatchObject({ status: 0 });
    });

    it("answers 404 for a ref_id Saldo never sent, 403 from outside IAK_CALLBACK_IPS, 400 for a body without data", async () => {
      // Correctly signed, but for an order placed at IAK by someone else on the same account.
      await fetch(`${iak.url}/api/top-up`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: IAK_USER, ref_id: "other-system-1", customer_id: "0817777215", product_code: "xld10000", sign: md5(IAK_USER + IAK_KEY + "other-system-1") }),
      });
      const unknown = await postCallback(iak.callbackBody("other-system-1"));
      expect(unknown).toEqual({ status: 404, body: { success: false, error: expect.any(String), code: "NOT_FOUND" } });
      // Saldo's shape, right trId, wrong random part: not that order either.
      const { ref } = await pendingAtIak("cb-shape");
      const forgedRef = ref.replace(/-[0-9a-f]{8}$/, "-00000000");
      const shaped = { data: { ...iak.callbackBody(ref).data, ref_id: forgedRef, sign: md5(IAK_USER + IAK_KEY + forgedRef) } };
      expect((await postCallback(shaped)).status).toBe(404);

      const outside = await postCallback(iak.callbackBody(ref), "203.0.113.9");
      expect(outside.status).toBe(403);
      expect((await postCallback({ ref_id: ref })).status).toBe(400);
      const notJson = await iakWebhookRoute.POST(new Request("http://localhost/api/webhooks/iak", { method: "POST", headers: { "x-forwarded-for": IAK_IP }, body: "{oops" }));
      expect(notJson.status).toBe(400);
    });
  });

  describe("price list refresh", () => {
    const admin = async () => {
      const user = await db.user.create({ data: { email: `admin-${Date.now()}-${Math.random()}@saldo.test`, name: "Admin", passwordHash: "x", role: "ADMIN" } });
      await enrolTwoFactor(user.id); // every admin has two-factor
      const session = { user: { id: user.id, email: user.email, name: "Admin", role: "ADMIN", merchantId: null, locale: "en" }, expires: farFuture().toISOString() } as Session;
      return createCaller({ session, ip: "203.0.113.1" });
    };

    it("records supplier prices and statuses, keeps Saldo's sell prices, adds new products at supplier price + margin", async () => {
      const m = await merchant(100_000);
      await updatePrepaidProduct({ code: "htelkomsel10000", price: 10_800n, actor: { type: "SYSTEM" } });
      const caller = await admin();
      const result = await caller.productCatalogue.refreshFromSupplier();
      expect(result).toMatchObject({ supported: true, supplier: "iak", listed: 10, created: 6, updated: 4, supplierInactive: 1, belowCostCount: 0 });
      expect(iakRequests("/api/pricelist").at(-1)!.body).toEqual({ username: IAK_USER, sign: md5(`${IAK_USER}${IAK_KEY}pl`), status: "all" });

      const tsel = await db.prepaidProduct.findUniqueOrThrow({ where: { code: "htelkomsel10000" } });
      expect(tsel).toMatchObject({ price: 10_800n, active: true, supplierPrice: 10_750n, supplierActive: true });
      expect(tsel.supplierCheckedAt).toBeInstanceOf(Date);
      const added = await db.prepaidProduct.findMany({ where: { code: { in: ["hpln20000", "hmobilelegend12", "tselflash1gb", "xlxtracombo10"] } }, orderBy: { code: "asc" } });
      expect(added.map((p) => [p.code, p.type, p.operator, p.price, p.supplierPrice, p.active])).toEqual([
        ["hmobilelegend12", "games", "mobilelegends", 3_600n, 3_500n, true],
        ["hpln20000", "pln", "pln", 20_600n, 20_500n, true],
        ["tselflash1gb", "data", "telkomsel", 13_600n, 13_500n, true],
        ["xlxtracombo10", "data", "xl", 59_100n, 59_000n, true],
      ]);
      // Inactive at IAK, or no longer listed there: refused with rc 106, not sold.
      expect(await db.prepaidProduct.findUniqueOrThrow({ where: { code: "hindosat5000" } })).toMatchObject({ active: true, supplierActive: false });
      expect(await db.prepaidProduct.findUniqueOrThrow({ where: { code: "pln20000" } })).toMatchObject({ supplierActive: false });
      expect(await m.topUp("off-at-iak", "hindosat5000", "08151234567")).toMatchObject({ status: 2, rc: "106" });
      expect(await m.topUp("unlisted", "pln20000", "12345678901")).toMatchObject({ status: 2, rc: "106" });
      const list = (await m.pricelist()).pricelist as Data[];
      expect(list.find((p) => p.product_code === "hindosat5000")?.status).toBe("non active");
      expect(((await m.pricelist({ status: "active" })).pricelist as Data[]).some((p) => p.product_code === "pln20000")).toBe(false);
      // A new product sells, through IAK.
      expect(await m.topUp("new-product", "hpln20000", "12345678901")).toMatchObject({ status: 0, rc: "39", price: 20_600 });

      const audit = await db.auditLog.findFirstOrThrow({ where: { action: "prepaid.pricelist_refresh" }, orderBy: { createdAt: "desc" } });
      expect(JSON.parse(audit.metadata!)).toMatchObject({ listed: 10, created: 6, updated: 4 });

      // Again: nothing new, prices still Saldo's.
      expect(await caller.productCatalogue.refreshFromSupplier()).toMatchObject({ supported: true, created: 0, updated: 10 });
      expect((await db.prepaidProduct.findUniqueOrThrow({ where: { code: "hpln20000" } })).price).toBe(20_600n);
    });

    it("flags a product whose supplier price is above Saldo's sell price and refuses it (rc 106) until repriced", async () => {
      const m = await merchant(100_000);
      await updatePrepaidProduct({ code: "xld25000", price: 24_000n, actor: { type: "SYSTEM" } });
      const result = await refreshPrepaidPricelist({ actor: { type: "SYSTEM" } });
      expect(result.supported && result.belowCost).toEqual([{ code: "xld25000", price: 24_000n, supplierPrice: 25_000n }]);
      expect(await m.topUp("at-a-loss", "xld25000", "0817777215")).toMatchObject({ status: 2, rc: "106" });
      await updatePrepaidProduct({ code: "xld25000", price: 25_500n, actor: { type: "SYSTEM" } });
      expect(await m.topUp("repriced", "xld25000", "0817777215")).toMatchObject({ status: 0, rc: "39", price: 25_500 });
    });

    it("refuses an unreadable price list and changes nothing", async () => {
      const before = await db.prepaidProduct.findUniqueOrThrow({ where: { code: "xld10000" } });
      iak.script("pricelist", { kind: "http", status: 503 });
      await expect(refreshPrepaidPricelist({ actor: { type: "SYSTEM" } })).rejects.toThrow(/did not answer/);
      expect(await db.prepaidProduct.findUniqueOrThrow({ where: { code: "xld10000" } })).toEqual(before);
    });
  });

  it("inquiry-pln goes through IAK (sign over customer_id): the holder, rc 14 for an unknown meter, 503 when IAK does not answer", async () => {
    const m = await merchant(0);
    expect(await m.inquiryPln("12345678901")).toMatchObject({
      status: 1,
      customer_id: "12345678901",
      meter_no: "548933889287",
      subscriber_id: "12345678901",
      name: "Sintya Oktaviani",
      segment_power: "R1 /000001300",
      tariff: "R1",
      power: 1300,
      rc: "00",
    });
    expect(iakRequests("/api/inquiry-pln").at(-1)!.body).toEqual({ username: IAK_USER, customer_id: "12345678901", sign: md5(`${IAK_USER}${IAK_KEY}12345678901`) });
    expect(await m.inquiryPln("99999999999")).toMatchObject({ status: 2, rc: "14" });
    iak.script("inquiryPln", { kind: "hang", ms: 1_500 });
    expect(await m.inquiryPln("12345678901")).toMatchObject({ rc: "503" });
  });

  it("maps IAK's answers without guessing: request refusals and contradictions stay pending, rc 17/20 fail with an alert", () => {
    const order = { trId: 7, refId: "m-1", productCode: "xld10000", productType: "pulsa", customerId: "0817777215", price: 10_900n, createdAt: new Date(), supplierRef: "saldo-7-0a1b2c3d" };
    const answer = (rc: string, data: Data = {}) => outcomeOf(order, { kind: "answered", httpStatus: 200, rc, data: { ref_id: order.supplierRef, product_code: order.productCode, rc, ...data } });
    expect(answer("00", { status: 1, sn: "S1", price: 10_850 })).toEqual({ status: "success", sn: "S1", cost: 10_850n });
    expect(answer("00", { status: 1, sn: "V1", pin: "9876" })).toMatchObject({ status: "success", sn: "V1 PIN 9876" });
    for (const rc of ["39", "201", "06", "102", "107", "117", "118", "204", "205", "208"]) expect(answer(rc).status, `rc ${rc}`).toBe("pending");
    expect(answer("00", { status: 2 }).status).toBe("pending");
    expect(answer("07", { status: 1 }).status).toBe("pending");
    expect(answer("00", { status: 1, ref_id: "saldo-8-0a1b2c3d" }).status).toBe("pending");
    expect(answer("00", { status: 1, product_code: "xld25000" }).status).toBe("pending");
    expect(answer("14", { status: 2, message: "INCORRECT DESTINATION NUMBER" })).toEqual({ status: "failed", reason: "INCORRECT DESTINATION NUMBER (IAK rc 14)" });
    expect(answer("17", { status: 2 })).toMatchObject({ status: "failed", alert: expect.stringContaining("deposit") });
    expect(answer("20", { status: 2 })).toMatchObject({ status: "failed", alert: expect.stringContaining("product code") });
    expect(outcomeOf(order, { kind: "unreadable", problem: "HTTP 502" }).status).toBe("pending");
    // Asked often at first, then less and less.
    const now = new Date();
    const wait = (ageMs: number) => nextCheck(new Date(now.getTime() - ageMs), now).getTime() - now.getTime();
    expect([wait(0), wait(5 * 60_000), wait(30 * 60_000), wait(5 * 3_600_000), wait(48 * 3_600_000)]).toEqual([15_000, 60_000, 300_000, 1_800_000, 7_200_000]);
  });

  it("leaves the ledger consistent", async () => {
    await drain();
    const { ok, problems } = await verifyInvariants(db);
    expect(problems).toEqual([]);
    expect(ok).toBe(true);
  });
});
