// Midtrans Core API as Saldo's deposit provider (PAYMENT_PROVIDER=midtrans), against the local fake
// of Midtrans' documented API (tests/fakes/midtrans.ts) over real HTTP: a top-up through the REST
// route → POST /v2/charge (Basic auth, documented body) → the VA / bill key / QR the fake issued;
// signed notifications delivered by the fake over HTTP to Saldo's webhook route (through a small
// node:http server in front of the route handler), confirmed with GET /v2/{order_id}/status →
// ledger → merchant callback (outbox). Then charge failures, the status job, and late reports.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { startMidtransFake, midtransSignature, type MidtransFake } from "./fakes/midtrans";
import { readQris } from "./fakes/qris";

const SERVER_KEY = "SB-Mid-server-saldo-tests-0123456789abcdef";
const TIMEOUT_MS = 800;

// The environment is read when server modules are first imported: point it at the fake first.
const midtrans = await startMidtransFake({ serverKey: SERVER_KEY });
Object.assign(process.env, {
  PAYMENT_PROVIDER: "midtrans",
  MIDTRANS_SERVER_KEY: SERVER_KEY,
  MIDTRANS_API_URL: midtrans.url,
  MIDTRANS_TIMEOUT_MS: String(TIMEOUT_MS),
});

const gateway = await import("@/app/api/v1/topup/payment-gateway/route");
const midtransRoute = await import("@/app/api/webhooks/midtrans/route");
const { db, engine } = await import("@/server/db");
const { balanceOf, verifyInvariants } = await import("@/server/ledger");
const { depositProvider } = await import("@/server/providers");
const { createMidtransDepositProvider, stateFrom } = await import("@/server/providers/midtrans/deposits");
const { expireDueDeposits } = await import("@/server/deposits/expire-deposit");
const { cancelDeposit } = await import("@/server/deposits/cancel-deposit");
const { checkDueChargeStatuses } = await import("@/server/deposits/check-charge-statuses");
const { paymentView } = await import("@/server/deposits/views");
const { createKey, createMerchant } = await import("./helpers/fixtures");

// Saldo's webhook route behind a real HTTP listener, where the fake's notifications arrive.
const app = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    if (req.method !== "POST" || req.url !== "/api/webhooks/midtrans") {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers as IncomingHttpHeaders)) if (typeof value === "string") headers.set(name, value);
    const response = await midtransRoute.POST(new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }));
    res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "application/json" }).end(await response.text());
  });
});
await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
const NOTIFY_URL = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/webhooks/midtrans`;

afterAll(async () => {
  await midtrans.close();
  await new Promise<void>((resolve) => app.close(() => resolve()));
});

type Json = Record<string, any>;
const wib = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().replace("T", " ").slice(0, 19);
const basic = `Basic ${Buffer.from(`${SERVER_KEY}:`).toString("base64")}`;

async function merchant() {
  const m = await createMerchant("Toko Midtrans");
  return { ...m, key: await createKey(m.merchantId) };
}

async function topUp(key: string, method: string, amount: number) {
  const req = new Request("http://localhost/api/v1/topup/payment-gateway", {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ method, amount }),
  });
  const res = await gateway.POST(req, { params: Promise.resolve({}) });
  return { status: res.status, json: (await res.json()) as Json };
}

/** Posts the fake's notification for `orderId` to Saldo over HTTP; returns Saldo's answer. */
async function notify(orderId: string, status?: Parameters<MidtransFake["notify"]>[1], opts: Parameters<MidtransFake["notify"]>[2] = {}) {
  const [delivery] = await midtrans.notify(orderId, status, { to: NOTIFY_URL, ...opts });
  return { status: delivery!.status, json: JSON.parse(delivery!.responseBody || "null") as Json };
}

const charges = () => midtrans.requests.filter((r) => r.method === "POST" && r.path === "/v2/charge");
const statusAsks = (orderId: string) => midtrans.requests.filter((r) => r.method === "GET" && r.path === `/v2/${orderId}/status`);
const deposit = (id: string) => db.deposit.findUniqueOrThrow({ where: { id } });
const callbacks = (merchantId: string) => db.outboxEvent.findMany({ where: { merchantId }, orderBy: { createdAt: "asc" }, select: { type: true } }).then((rows) => rows.map((r) => r.type));

function expectEnvelope(res: { status: number; json: Json }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.json).toMatchObject({ success: false, code, error: expect.any(String) });
  expect(res.json.error).not.toMatch(/at .*\.ts|prisma|Midtrans:/i);
}

describe(`Midtrans deposits on ${engine}`, () => {
  it("is the configured deposit provider, even with SANDBOX=1", () => {
    expect(process.env.SANDBOX).toBe("1");
    expect(depositProvider().name).toBe("midtrans");
  });

  describe("charges", () => {
    it("a VA top-up through POST /api/v1/topup/payment-gateway returns the VA number the fake issued, charged with Basic auth and the documented body", async () => {
      const m = await merchant();
      const res = await topUp(m.key, "VA_BNI", 50_000);
      expect(res.status).toBe(200);
      const id = res.json.id as string;
      const issued = midtrans.state.charges.get(id)!;
      expect(issued).toBeDefined();
      expect(res.json).toMatchObject({ success: true, method: "VA_BNI", amount: 50_000, fee: 4_000, total: 54_000, status: "pending", va_number: issued.va_number });
      expect(res.json.biller_code).toBeUndefined();

      const request = charges().at(-1)!;
      expect(request.headers.authorization).toBe(basic);
      expect(request.headers["content-type"]).toMatch(/application\/json/);
      expect(request.body).toMatchObject({
        payment_type: "bank_transfer",
        bank_transfer: { bank: "bni" },
        transaction_details: { order_id: id, gross_amount: 54_000 },
        custom_expiry: { unit: "second", order_time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0700$/) },
      });
      // The charge ends when the deposit does (24 h for a VA), never before.
      const row = await deposit(id);
      const midtransExpiry = Date.parse(`${issued.expiry_time.replace(" ", "T")}+07:00`);
      expect(midtransExpiry).toBeGreaterThanOrEqual(Math.floor(row.expiredAt.getTime() / 1000) * 1000);
      expect(midtransExpiry - row.expiredAt.getTime()).toBeLessThan(2_000);
      expect(row).toMatchObject({ provider: "midtrans", providerRef: issued.transaction_id, vaNumber: issued.va_number, openKey: `VA:${issued.va_number}`, statusChecks: 0 });
      // The first status check is planned 5 minutes after creation.
      expect(row.nextStatusCheckAt!.getTime() - row.createdAt.getTime()).toBeGreaterThanOrEqual(5 * 60_000 - 1_000);
      expect(row.nextStatusCheckAt!.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(5 * 60_000 + 1_000);
    });

    it("BRI and Permata are bank_transfer VAs; Permata's number comes from permata_va_number", async () => {
      const m = await merchant();
      const bri = await topUp(m.key, "VA_BRI", 20_000);
      expect(charges().at(-1)!.body).toMatchObject({ payment_type: "bank_transfer", bank_transfer: { bank: "bri" } });
      expect(bri.json.va_number).toBe(midtrans.state.charges.get(bri.json.id)!.va_number);
      const permata = await topUp(m.key, "VA_PERMATA", 20_000);
      expect(charges().at(-1)!.body).toMatchObject({ payment_type: "bank_transfer", bank_transfer: { bank: "permata" } });
      expect(permata.json.va_number).toMatch(/^8562\d+$/);
      expect(permata.json.va_number).toBe(midtrans.state.charges.get(permata.json.id)!.va_number);
    });

    it("Mandiri is an echannel bill: the bill key and biller code reach the REST answer and the payer's page", async () => {
      const m = await merchant();
      const res = await topUp(m.key, "VA_MANDIRI", 75_000);
      expect(res.status).toBe(200);
      const issued = midtrans.state.charges.get(res.json.id)!;
      expect(charges().at(-1)!.body).toMatchObject({
        payment_type: "echannel",
        echannel: { bill_info1: "Top-up", bill_info2: "Toko Midtrans" },
        transaction_details: { order_id: res.json.id, gross_amount: 79_000 },
      });
      expect(res.json).toMatchObject({ va_number: issued.bill_key, biller_code: "70012" });
      const view = paymentView(await deposit(res.json.id));
      expect(view).toMatchObject({ vaNumber: issued.bill_key, billerCode: "70012" });
    });

    it("QRIS shows Midtrans' qr_string as the QR payload", async () => {
      const m = await merchant();
      const res = await topUp(m.key, "QRIS", 25_000);
      expect(res.status).toBe(200);
      const issued = midtrans.state.charges.get(res.json.id)!;
      expect(charges().at(-1)!.body).toMatchObject({ payment_type: "qris", transaction_details: { gross_amount: 25_175 } });
      expect(res.json.qris_string).toBe(issued.qr_string);
      expect(readQris(res.json.qris_string)).toMatchObject({ "54": "25175" });
      expect(res.json.qris_image).toMatch(/\/api\/v1\/invoice\/.+\/qr\.png$/);
    });

    describe("failures leave no open deposit and answer 409, never 500", () => {
      const cases: { name: string; answer: Parameters<MidtransFake["script"]>[1]; asksStatus: boolean }[] = [
        { name: "a documented 505 (no VA could be allocated)", answer: { kind: "fail" }, asksStatus: true },
        { name: "a documented 402 (payment type not enabled)", answer: { kind: "fail", statusCode: "402" }, asksStatus: false },
        { name: "a documented 500", answer: { kind: "fail", statusCode: "500" }, asksStatus: true },
        { name: "a raw 502 from a proxy", answer: { kind: "http", status: 502 }, asksStatus: true },
        { name: "a dropped connection", answer: { kind: "drop" }, asksStatus: true },
        { name: "a timeout where nothing was created", answer: { kind: "hang", ms: TIMEOUT_MS * 4, processed: false }, asksStatus: true },
      ];
      for (const c of cases) {
        it(c.name, async () => {
          const m = await merchant();
          midtrans.script("charge", c.answer);
          const res = await topUp(m.key, "VA_BNI", 30_000);
          expectEnvelope(res, 409, "CONFLICT");
          const [row] = await db.deposit.findMany({ where: { merchantId: m.merchantId } });
          expect(row).toMatchObject({ status: "expired", expiredReason: "failed", openKey: null, vaNumber: null, nextStatusCheckAt: null });
          expect(statusAsks(row!.id)).toHaveLength(c.asksStatus ? 1 : 0);
          expect(await callbacks(m.merchantId)).toEqual(["topup.failed"]);
          expect(await balanceOf(db, m.merchantId)).toEqual({ available: 0n, held: 0n });
        });
      }

      it("a timeout where Midtrans did create the charge: the status API is asked and its VA is used (never guess)", async () => {
        const m = await merchant();
        midtrans.script("charge", { kind: "hang", ms: TIMEOUT_MS * 4 });
        const res = await topUp(m.key, "VA_BRI", 30_000);
        expect(res.status).toBe(200);
        const issued = midtrans.state.charges.get(res.json.id)!;
        expect(res.json).toMatchObject({ status: "pending", va_number: issued.va_number });
        expect(statusAsks(res.json.id)).toHaveLength(1);
        expect((await deposit(res.json.id)).openKey).toBe(`VA:${issued.va_number}`);
      });
    });
  });

  describe("notifications at POST /api/webhooks/midtrans", () => {
    it("a signed settlement credits the wallet once and writes the merchant callback; repeats and stale or out-of-order ones change nothing", async () => {
      const m = await merchant();
      const { json } = await topUp(m.key, "VA_BNI", 50_000);
      const id = json.id as string;

      const [settled] = await midtrans.settle(id, { to: NOTIFY_URL });
      expect(settled!.status).toBe(200);
      expect(JSON.parse(settled!.responseBody)).toMatchObject({ success: true, outcome: "credited", duplicate: false, deposit_id: id });
      // Confirmed with the status API before anything changed.
      expect(statusAsks(id)).toHaveLength(1);
      expect(statusAsks(id)[0]!.headers.authorization).toBe(basic);

      const paid = await deposit(id);
      const issued = midtrans.state.charges.get(id)!;
      expect(paid).toMatchObject({ status: "paid", paidAmount: 54_000n, openKey: null, nextStatusCheckAt: null });
      expect(wib(paid.paidAt!)).toBe(issued.settlement_time);
      expect(await balanceOf(db, m.merchantId)).toEqual({ available: 50_000n, held: 0n });
      expect(await callbacks(m.merchantId)).toEqual(["topup.success"]);

      // The same notification again, a stale `pending`, and an `expire` after the settlement.
      const again = await notify(id);
      expect(again).toMatchObject({ status: 200, json: { outcome: "credited", duplicate: true } });
      const stale = await notify(id, "pending");
      expect(stale).toMatchObject({ status: 200, json: { outcome: "credited", duplicate: true } });
      const outOfOrder = await notify(id, "expire");
      expect(outOfOrder).toMatchObject({ status: 200, json: { outcome: "credited", duplicate: true } });

      expect(await balanceOf(db, m.merchantId)).toEqual({ available: 50_000n, held: 0n });
      expect(await callbacks(m.merchantId)).toEqual(["topup.success"]);
      expect(await db.providerEvent.findMany({ where: { reference: id }, select: { provider: true, eventId: true, outcome: true } })).toEqual([
        { provider: "midtrans", eventId: `${issued.transaction_id}:settlement`, outcome: "credited" },
      ]);
      expect(await db.ledgerJournal.count({ where: { reference: id } })).toBe(1);
      expect((await verifyInvariants(db)).problems).toEqual([]);
    });

    it("five copies of the settlement at once still credit once", async () => {
      const m = await merchant();
      const { json } = await topUp(m.key, "QRIS", 40_000);
      midtrans.setStatus(json.id, "settlement");
      const answers = await Promise.all(Array.from({ length: 5 }, () => notify(json.id)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      expect(answers.filter((a) => !a.json.duplicate)).toHaveLength(1);
      expect(await balanceOf(db, m.merchantId)).toEqual({ available: 40_000n, held: 0n });
      expect(await callbacks(m.merchantId)).toEqual(["topup.success"]);
    });

    it("a wrongly signed notification is 401, stores nothing and does not even ask Midtrans", async () => {
      const m = await merchant();
      const { json } = await topUp(m.key, "VA_BNI", 50_000);
      midtrans.setStatus(json.id, "settlement");
      const eventsBefore = await db.providerEvent.count();
      const forged = await notify(json.id, "settlement", { badSignature: true });
      expect(forged.status).toBe(401);
      expect(forged.json).toMatchObject({ success: false, code: "UNAUTHORIZED" });
      // Signed, but over other fields than it carries: the amount was changed after signing.
      const body = midtrans.notificationBody(json.id, "settlement");
      const tampered = await midtransRoute.POST(new Request(NOTIFY_URL, { method: "POST", body: JSON.stringify({ ...body, gross_amount: "1.00" }) }));
      expect(tampered.status).toBe(401);
      const unsigned = await midtransRoute.POST(new Request(NOTIFY_URL, { method: "POST", body: JSON.stringify({ ...body, signature_key: undefined }) }));
      expect(unsigned.status).toBe(401);
      const garbage = await midtransRoute.POST(new Request(NOTIFY_URL, { method: "POST", body: "{not json" }));
      expect(garbage.status).toBe(401);

      expect(await db.providerEvent.count()).toBe(eventsBefore);
      expect(statusAsks(json.id)).toHaveLength(0);
      expect((await deposit(json.id)).status).toBe("pending");
      expect(await balanceOf(db, m.merchantId)).toEqual({ available: 0n, held: 0n });
      expect(await callbacks(m.merchantId)).toEqual([]);
    });

    it("an expire notification expires the deposit; a pending one changes nothing", async () => {
      const m = await merchant();
      const { json } = await topUp(m.key, "VA_BRI", 50_000);
      const pending = await notify(json.id, "pending");
      expect(pending).toMatchObject({ status: 200, json: { outcome: "pending" } });
      expect(await db.providerEvent.count({ where: { reference: json.id } })).toBe(0);

      midtrans.setStatus(json.id, "expire");
      const expired = await notify(json.id);
      expect(expired).toMatchObject({ status: 200, json: { outcome: "expired", duplicate: false } });
      expect(await deposit(json.id)).toMatchObject({ status: "expired", expiredReason: "expired", openKey: null, nextStatusCheckAt: null, cancelledAt: null });
      expect(await callbacks(m.merchantId)).toEqual(["topup.expired"]);
      expect((await notify(json.id)).json).toMatchObject({ outcome: "expired", duplicate: true });
      expect(await callbacks(m.merchantId)).toEqual(["topup.expired"]);
    });

    it("cancel, deny and failure fail the deposit", async () => {
      for (const status of ["cancel", "deny", "failure"] as const) {
        const m = await merchant();
        const { json } = await topUp(m.key, "QRIS", 10_000);
        midtrans.setStatus(json.id, status);
        expect(await notify(json.id)).toMatchObject({ status: 200, json: { outcome: "failed" } });
        expect(await deposit(json.id)).toMatchObject({ status: "expired", expiredReason: "failed" });
        expect(await callbacks(m.merchantId)).toEqual(["topup.failed"]);
      }
    });

    it("when the status API cannot answer, the notification is refused with 503 and nothing is stored; Midtrans' retry then credits", async () => {
      const m = await merchant();
      const { json } = await topUp(m.key, "VA_BNI", 50_000);
      midtrans.setStatus(json.id, "settlement");
      midtrans.script("status", { kind: "fail", statusCode: "500" });
      const first = await notify(json.id);
      expect(first).toMatchObject({ status: 503, json: { success: false, code: "RETRY_LATER" } });
      expect(await db.providerEvent.count({ where: { reference: json.id } })).toBe(0);
      expect((await deposit(json.id)).status).toBe("pending");
      const retry = await notify(json.id);
      expect(retry).toMatchObject({ status: 200, json: { outcome: "credited" } });
      expect(await balanceOf(db, m.merchantId)).toEqual({ available: 50_000n, held: 0n });
    });

    it("a notification for an order Saldo never issued is kept for review and answered 404", async () => {
      const orderId = `not-saldo-${Date.now()}`;
      await fetch(`${midtrans.url}/v2/charge`, {
        method: "POST",
        headers: { authorization: basic, "content-type": "application/json" },
        body: JSON.stringify({ payment_type: "bank_transfer", transaction_details: { order_id: orderId, gross_amount: 10_000 }, bank_transfer: { bank: "bni" } }),
      });
      const [delivery] = await midtrans.settle(orderId, { to: NOTIFY_URL });
      expect(delivery!.status).toBe(404);
      expect(await db.providerEvent.findFirst({ where: { reference: orderId } })).toMatchObject({ outcome: "unknown_reference", amount: 10_000n });
    });
  });

  describe("a lost notification is recovered by the status job", () => {
    it("asks at 5, 15, 60 minutes and at expiry; credits a settlement found there exactly once", async () => {
      const m = await merchant();
      const { json } = await topUp(m.key, "VA_BNI", 50_000);
      const created = await deposit(json.id);
      const at = (minutes: number) => new Date(created.createdAt.getTime() + minutes * 60_000);
      // Only this deposit's checks are due in this test (earlier tests' charges would be asked too).
      await db.deposit.updateMany({ where: { id: { not: json.id } }, data: { nextStatusCheckAt: null } });

      // Not due yet: Midtrans is not asked.
      await checkDueChargeStatuses(at(1));
      expect(statusAsks(json.id)).toHaveLength(0);
      // Due, still pending at Midtrans: nothing changes, the next check is planned.
      await checkDueChargeStatuses(at(5.5));
      expect(statusAsks(json.id)).toHaveLength(1);
      expect(await deposit(json.id)).toMatchObject({ status: "pending", statusChecks: 1, nextStatusCheckAt: at(15) });
      // Midtrans cannot answer: nothing changes, the planned check stays.
      midtrans.script("status", { kind: "hang", ms: TIMEOUT_MS * 4 });
      await checkDueChargeStatuses(at(15.5));
      expect(statusAsks(json.id)).toHaveLength(2);
      expect(await deposit(json.id)).toMatchObject({ status: "pending", statusChecks: 2, nextStatusCheckAt: at(60) });

      // The payer paid; the notification never came.
      midtrans.setStatus(json.id, "settlement");
      expect(await checkDueChargeStatuses(at(61))).toBeGreaterThanOrEqual(1);
      expect(await deposit(json.id)).toMatchObject({ status: "paid", paidAmount: 54_000n, statusChecks: 3, nextStatusCheckAt: null });
      expect(await balanceOf(db, m.merchantId)).toEqual({ available: 50_000n, held: 0n });
      expect(await callbacks(m.merchantId)).toEqual(["topup.success"]);

      // The late notification, and another job run, find it done.
      expect((await notify(json.id)).json).toMatchObject({ outcome: "credited", duplicate: true });
      await checkDueChargeStatuses(at(24 * 60 + 30));
      expect(await balanceOf(db, m.merchantId)).toEqual({ available: 50_000n, held: 0n });
      expect(await db.ledgerJournal.count({ where: { reference: json.id } })).toBe(1);
    });

    it("an expiry found by the job expires the deposit", async () => {
      const m = await merchant();
      const { json } = await topUp(m.key, "QRIS", 20_000);
      const created = await deposit(json.id);
      midtrans.setStatus(json.id, "expire"); // the status API answers 407
      await checkDueChargeStatuses(new Date(created.createdAt.getTime() + 6 * 60_000));
      expect(await deposit(json.id)).toMatchObject({ status: "expired", expiredReason: "expired", nextStatusCheckAt: null });
      expect(await callbacks(m.merchantId)).toEqual(["topup.expired"]);
    });

    it("skips providers without a status API (the sandbox's deposits are never planned)", async () => {
      const count = await db.deposit.count({ where: { provider: "sandbox", nextStatusCheckAt: { not: null } } });
      expect(count).toBe(0);
    });
  });

  describe("a payment made before expired_at but reported after it", () => {
    /** A deposit whose payer paid 2 minutes ago, that expired by the clock 1 minute ago, before anyone reported it. */
    async function paidInTimeThenExpired(method = "VA_BRI") {
      const m = await merchant();
      const { json } = await topUp(m.key, method, 50_000);
      const paidAt = new Date(Math.floor((Date.now() - 120_000) / 1000) * 1000);
      midtrans.state.charges.get(json.id)!.settlement_time = wib(paidAt);
      midtrans.setStatus(json.id, "settlement");
      await db.deposit.update({ where: { id: json.id }, data: { expiredAt: new Date(Date.now() - 60_000) } });
      expect(await expireDueDeposits()).toBeGreaterThanOrEqual(1);
      expect(await deposit(json.id)).toMatchObject({ status: "expired", expiredReason: "expired", openKey: null });
      return { m, id: json.id as string, paidAt };
    }

    it("is credited once by its notification, even after the worker expired the deposit", async () => {
      const { m, id, paidAt } = await paidInTimeThenExpired();
      const first = await notify(id);
      expect(first).toMatchObject({ status: 200, json: { outcome: "credited", duplicate: false } });
      expect(await deposit(id)).toMatchObject({ status: "paid", paidAt, paidAmount: 54_000n, openKey: null });
      expect(await notify(id)).toMatchObject({ status: 200, json: { outcome: "credited", duplicate: true } });
      expect(await balanceOf(db, m.merchantId)).toEqual({ available: 50_000n, held: 0n });
      expect(await callbacks(m.merchantId)).toEqual(["topup.expired", "topup.success"]);
      expect(await db.auditLog.count({ where: { action: "deposit.paid_after_expiry", targetId: id } })).toBe(1);
      expect((await verifyInvariants(db)).problems).toEqual([]);
    });

    it("is credited once by the status job's check after expiry when the notification is lost", async () => {
      const { m, id } = await paidInTimeThenExpired("VA_PERMATA");
      await checkDueChargeStatuses(new Date(Date.now() + 20 * 60_000));
      expect((await deposit(id)).status).toBe("paid");
      await checkDueChargeStatuses(new Date(Date.now() + 40 * 60_000));
      expect(await notify(id)).toMatchObject({ json: { outcome: "credited", duplicate: true } });
      expect(await balanceOf(db, m.merchantId)).toEqual({ available: 50_000n, held: 0n });
    });

    it("is not credited when it was paid after expiry, or when the merchant had cancelled: it waits for review", async () => {
      const m = await merchant();
      const late = (await topUp(m.key, "VA_BNI", 50_000)).json.id as string;
      await db.deposit.update({ where: { id: late }, data: { expiredAt: new Date(Date.now() - 10 * 60_000) } });
      await expireDueDeposits();
      midtrans.setStatus(late, "settlement"); // settled now, after expiry
      expect(await notify(late)).toMatchObject({ status: 200, json: { outcome: "late_payment" } });

      const cancelled = (await topUp(m.key, "VA_BNI", 60_000)).json.id as string;
      await cancelDeposit(m.merchantId, cancelled, { type: "SYSTEM" });
      midtrans.setStatus(cancelled, "settlement"); // paid in time, but the merchant cancelled it
      expect(await notify(cancelled)).toMatchObject({ status: 200, json: { outcome: "late_payment" } });
      expect(await deposit(cancelled)).toMatchObject({ status: "expired", expiredReason: "cancelled" });

      expect(await balanceOf(db, m.merchantId)).toEqual({ available: 0n, held: 0n });
      expect(await db.providerEvent.count({ where: { depositId: { in: [late, cancelled] }, outcome: "late_payment", reviewedAt: null } })).toBe(2);
    });
  });

  describe("the adapter on its own", () => {
    it("trusts the body's status_code when errors come back as HTTP 200 (older Core API)", async () => {
      const legacy = await startMidtransFake({ serverKey: SERVER_KEY, errorsInBodyOnly: true });
      try {
        const adapter = createMidtransDepositProvider(() => ({ serverKey: SERVER_KEY, apiUrl: legacy.url, timeoutMs: TIMEOUT_MS }));
        const request = { depositId: "legacy-1", method: "VA_BNI", total: 54_000n, expiresAt: new Date(Date.now() + 3_600_000), merchantName: "Toko" };
        legacy.script("charge", { kind: "fail" });
        await expect(adapter.createCharge(request)).rejects.toThrow(/505.*nothing was created/);
        const wrongKey = createMidtransDepositProvider(() => ({ serverKey: "SB-Mid-server-wrong", apiUrl: legacy.url, timeoutMs: TIMEOUT_MS }));
        await expect(wrongKey.createCharge(request)).rejects.toThrow(/401/);
        expect(legacy.requests.filter((r) => r.path.endsWith("/status"))).toHaveLength(1); // a 401 is final: no status asked
        expect(await adapter.createCharge(request)).toMatchObject({ vaNumber: expect.stringMatching(/^9888\d+$/) });
        legacy.setStatus("legacy-1", "expire");
        expect(await adapter.getStatus({ depositId: "legacy-1", providerRef: null })).toMatchObject({ kind: "expired", reference: "legacy-1" });
        expect(await adapter.getStatus({ depositId: "nope", providerRef: null })).toMatchObject({ kind: "unknown" });
        expect(await adapter.healthCheck!()).toMatch(/accepts the server key/);
        await expect(wrongKey.healthCheck!()).rejects.toThrow(/401/);
      } finally {
        await legacy.close();
      }
    });

    it("maps Midtrans' statuses: settlement and accepted capture are paid, challenge waits, refunds go to an admin", () => {
      const body = (transaction_status: string, extra: Json = {}) => ({
        order_id: "d-1", transaction_id: "t-1", gross_amount: "10000.00", transaction_status, transaction_time: "2026-11-22 10:00:00", settlement_time: "2026-11-22 10:05:00", ...extra,
      });
      expect(stateFrom(body("settlement"), "200", "", "d-1")).toMatchObject({ kind: "paid", eventId: "t-1:settlement", amount: 10_000n, paidAt: new Date("2026-11-22T03:05:00Z") });
      expect(stateFrom(body("capture", { fraud_status: "accept" }), "200", "", "d-1")).toMatchObject({ kind: "paid" });
      expect(stateFrom(body("capture", { fraud_status: "challenge" }), "200", "", "d-1")).toMatchObject({ kind: "pending" });
      expect(stateFrom(body("capture", { fraud_status: "deny" }), "200", "", "d-1")).toMatchObject({ kind: "failed" });
      expect(stateFrom(body("expire"), "407", "", "d-1")).toMatchObject({ kind: "expired", eventId: "t-1:expire" });
      expect(stateFrom(body("refund"), "200", "", "d-1")).toMatchObject({ kind: "ignored" });
      expect(stateFrom(body("settlement", { gross_amount: "10000.50" }), "200", "", "d-1")).toMatchObject({ kind: "unknown" });
      expect(stateFrom({}, "500", "", "d-1")).toMatchObject({ kind: "unknown", reference: "d-1" });
    });

    it("verifies signature_key = SHA512(order_id + status_code + gross_amount + server key)", () => {
      const adapter = depositProvider();
      const fields = { order_id: "o-1", status_code: "200", gross_amount: "54000.00", transaction_status: "settlement", transaction_id: "t" };
      const good = JSON.stringify({ ...fields, signature_key: midtransSignature("o-1", "200", "54000.00", SERVER_KEY) });
      expect(adapter.verifyWebhook(good, new Headers())).toBe(true);
      const otherKey = JSON.stringify({ ...fields, signature_key: midtransSignature("o-1", "200", "54000.00", "another-key") });
      expect(adapter.verifyWebhook(otherKey, new Headers())).toBe(false);
      const otherAmount = JSON.stringify({ ...fields, signature_key: midtransSignature("o-1", "200", "54000", SERVER_KEY) });
      expect(adapter.verifyWebhook(otherAmount, new Headers())).toBe(false);
    });
  });
});
