// The REST surface, called through its route handlers with real Requests and a real database.
import { describe, expect, it } from "vitest";
import * as balance from "@/app/api/v1/balance/route";
import * as invoiceCancel from "@/app/api/v1/invoice/cancel/route";
import * as invoiceCreate from "@/app/api/v1/invoice/create/route";
import * as invoiceQr from "@/app/api/v1/invoice/[id]/qr.png/route";
import * as invoiceStatus from "@/app/api/v1/invoice/status/route";
import * as topupById from "@/app/api/v1/topup/[id]/route";
import * as methods from "@/app/api/v1/topup/methods/route";
import * as gateway from "@/app/api/v1/topup/payment-gateway/route";
import * as ticket from "@/app/api/v1/topup/ticket/route";
import { db } from "@/server/db";
import { handleProviderWebhook } from "@/server/http/provider-webhooks";
import { createKey, createMerchant, fund, signedSandboxWebhook } from "./helpers/fixtures";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Call = { handler: Handler; method: "GET" | "POST"; path: string; params?: Record<string, string>; body?: unknown; headers?: Record<string, string> };

async function call({ handler, method, path, params = {}, body, headers = {} }: Call) {
  const req = new Request(`http://localhost${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, any>) : null };
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

function expectEnvelope(res: { status: number; json: Record<string, any> | null }, status: number, code?: string) {
  expect(res.status).toBe(status);
  expect(res.json).toMatchObject({ success: false, error: expect.any(String) });
  expect(res.json!.error).not.toMatch(/at .*\.ts|Error:|prisma/i);
  if (code) expect(res.json!.code).toBe(code);
}

describe("REST v1 authentication", () => {
  it("accepts Bearer, X-API-Key and ?apikey=, and refuses a missing or wrong key with 401", async () => {
    const m = await createMerchant();
    await fund(m.merchantId, 100_000);
    const key = await createKey(m.merchantId);
    const variants: { path: string; headers: Record<string, string> }[] = [
      { path: "/api/v1/balance", headers: bearer(key) },
      { path: "/api/v1/balance", headers: { "x-api-key": key } },
      { path: `/api/v1/balance?apikey=${key}`, headers: {} },
    ];
    for (const req of variants) {
      const res = await call({ handler: balance.GET, method: "GET", ...req });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ balance: 100_000, pending: 0 });
    }
    expectEnvelope(await call({ handler: balance.GET, method: "GET", path: "/api/v1/balance" }), 401, "UNAUTHORIZED");
    expectEnvelope(await call({ handler: balance.GET, method: "GET", path: "/api/v1/balance", headers: bearer("sk_test_wrong") }), 401, "UNAUTHORIZED");
  });

  it("refuses a revoked key", async () => {
    const m = await createMerchant();
    const key = await createKey(m.merchantId);
    await db.apiKey.updateMany({ where: { merchantId: m.merchantId }, data: { revokedAt: new Date() } });
    expectEnvelope(await call({ handler: balance.GET, method: "GET", path: "/api/v1/balance", headers: bearer(key) }), 401);
  });

  it("answers 401 on every endpoint without a key", async () => {
    const endpoints: Call[] = [
      { handler: balance.GET, method: "GET", path: "/api/v1/balance" },
      { handler: methods.GET, method: "GET", path: "/api/v1/topup/methods" },
      { handler: ticket.GET, method: "GET", path: "/api/v1/topup/ticket?amount=50000" },
      { handler: ticket.POST, method: "POST", path: "/api/v1/topup/ticket", body: { amount: 50_000 } },
      { handler: gateway.GET, method: "GET", path: "/api/v1/topup/payment-gateway?method=QRIS&amount=50000" },
      { handler: gateway.POST, method: "POST", path: "/api/v1/topup/payment-gateway", body: { method: "QRIS", amount: 50_000 } },
      { handler: topupById.GET, method: "GET", path: "/api/v1/topup/x", params: { id: "x" } },
      { handler: invoiceCreate.GET, method: "GET", path: "/api/v1/invoice/create?amount=10000" },
      { handler: invoiceCreate.POST, method: "POST", path: "/api/v1/invoice/create", body: { amount: 10_000 } },
      { handler: invoiceStatus.GET, method: "GET", path: "/api/v1/invoice/status?invoice_id=x" },
      { handler: invoiceCancel.POST, method: "POST", path: "/api/v1/invoice/cancel?invoice_id=x" },
    ];
    for (const endpoint of endpoints) expectEnvelope(await call(endpoint), 401, "UNAUTHORIZED");
    expect(await db.deposit.count()).toBe(0);
  });

  it("answers 403 from an address outside the key's allow-list", async () => {
    const m = await createMerchant();
    const key = await createKey(m.merchantId, { ipAllowlist: "203.0.113.7, 203.0.113.8" });
    const from = (ip: string) => ({ ...bearer(key), "x-forwarded-for": ip });
    expect((await call({ handler: balance.GET, method: "GET", path: "/api/v1/balance", headers: from("203.0.113.8") })).status).toBe(200);
    for (const endpoint of [
      { handler: balance.GET, method: "GET" as const, path: "/api/v1/balance" },
      { handler: invoiceCreate.POST, method: "POST" as const, path: "/api/v1/invoice/create", body: { amount: 10_000 } },
      { handler: ticket.GET, method: "GET" as const, path: "/api/v1/topup/ticket?amount=50000" },
    ]) {
      expectEnvelope(await call({ ...endpoint, headers: from("198.51.100.1") }), 403, "FORBIDDEN");
    }
    expect(await db.deposit.count({ where: { merchantId: m.merchantId } })).toBe(0);
  });
});

describe("REST v1 invoices (seed 003)", () => {
  it("creates, reads and cancels a QRIS invoice with the seed's fields", async () => {
    const m = await createMerchant();
    const key = await createKey(m.merchantId);
    const created = await call({ handler: invoiceCreate.GET, method: "GET", path: "/api/v1/invoice/create?amount=10000", headers: bearer(key) });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ success: true, amount: 10_000, fee: 70, total: 10_070, invoice_id: expect.any(String), qris_string: expect.stringMatching(/^000201/) });
    expect(created.json!.expired_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(created.json!.qris_image).toBe(`http://localhost:3999/api/v1/invoice/${created.json!.invoice_id}/qr.png`);

    const id = created.json!.invoice_id as string;
    const png = await invoiceQr.GET(new Request(`http://localhost/api/v1/invoice/${id}/qr.png`), { params: Promise.resolve({ id }) });
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe("PNG");

    const status = await call({ handler: invoiceStatus.GET, method: "GET", path: `/api/v1/invoice/status?invoice_id=${id}`, headers: bearer(key) });
    expect(status.json).toMatchObject({ invoice_id: id, amount: 10_000, fee: 70, total: 10_070, status: "pending", created_at: expect.any(String) });

    const cancel = await call({ handler: invoiceCancel.POST, method: "POST", path: "/api/v1/invoice/cancel", body: { invoice_id: id }, headers: bearer(key) });
    expect(cancel.json).toEqual({ success: true, invoice_id: id, status: "expired", message: "Invoice berhasil dibatalkan" });
  });

  it("refuses to cancel a paid invoice with the seed's message", async () => {
    const m = await createMerchant();
    const key = await createKey(m.merchantId);
    const created = await call({ handler: invoiceCreate.POST, method: "POST", path: "/api/v1/invoice/create", body: { amount: 20_000 }, headers: bearer(key) });
    const id = created.json!.invoice_id as string;
    await handleProviderWebhook("sandbox", await signedSandboxWebhook({ event_id: `e-${id}`, reference: id, amount: created.json!.total, paid_at: new Date().toISOString() }));
    const cancel = await call({ handler: invoiceCancel.POST, method: "POST", path: `/api/v1/invoice/cancel?invoice_id=${id}`, headers: bearer(key) });
    expect(cancel.status).toBe(400);
    expect(cancel.json).toMatchObject({ success: false, error: "Invoice tidak bisa dibatalkan, status saat ini: paid" });
    const status = await call({ handler: invoiceStatus.GET, method: "GET", path: `/api/v1/invoice/status?invoice_id=${id}`, headers: bearer(key) });
    expect(status.json!.status).toBe("paid");
    expect((await call({ handler: balance.GET, method: "GET", path: "/api/v1/balance", headers: bearer(key) })).json).toEqual({ balance: 20_000, pending: 0 });
  });

  it("answers 404 for another merchant's invoice and never reveals it", async () => {
    const a = await createMerchant();
    const b = await createMerchant();
    const keyA = await createKey(a.merchantId);
    const keyB = await createKey(b.merchantId);
    const created = await call({ handler: invoiceCreate.GET, method: "GET", path: "/api/v1/invoice/create?amount=10000", headers: bearer(keyB) });
    const id = created.json!.invoice_id as string;
    expectEnvelope(await call({ handler: invoiceStatus.GET, method: "GET", path: `/api/v1/invoice/status?invoice_id=${id}`, headers: bearer(keyA) }), 404, "NOT_FOUND");
    expectEnvelope(await call({ handler: invoiceCancel.POST, method: "POST", path: `/api/v1/invoice/cancel?invoice_id=${id}`, headers: bearer(keyA) }), 404, "NOT_FOUND");
    expectEnvelope(await call({ handler: topupById.GET, method: "GET", path: `/api/v1/topup/${id}`, params: { id }, headers: bearer(keyA) }), 404, "NOT_FOUND");
    const still = await call({ handler: invoiceStatus.GET, method: "GET", path: `/api/v1/invoice/status?invoice_id=${id}`, headers: bearer(keyB) });
    expect(still.json!.status).toBe("pending");
  });
});

describe("REST v1 top-up (seed 000)", () => {
  it("lists methods with fees and limits", async () => {
    const m = await createMerchant();
    const res = await call({ handler: methods.GET, method: "GET", path: "/api/v1/topup/methods", headers: bearer(await createKey(m.merchantId)) });
    expect(res.status).toBe(200);
    const codes = (res.json as unknown as { code: string }[]).map((x) => x.code);
    expect(codes).toEqual(["BANK_TRANSFER", "VA_BNI", "VA_BRI", "VA_MANDIRI", "VA_PERMATA", "QRIS"]);
  });

  it("opens a ticket with a unique amount and the destination account, and a VA top-up", async () => {
    const m = await createMerchant();
    const key = await createKey(m.merchantId);
    const t = await call({ handler: ticket.GET, method: "GET", path: "/api/v1/topup/ticket?amount=50000", headers: bearer(key) });
    expect(t.json).toMatchObject({ success: true, method: "BANK_TRANSFER", amount: 50_000, status: "pending", bank: { account_number: expect.any(String) } });
    expect(t.json!.total).toBe(50_000 + t.json!.unique_code);
    const va = await call({ handler: gateway.POST, method: "POST", path: "/api/v1/topup/payment-gateway", body: { method: "VA_PERMATA", amount: 75_000 }, headers: bearer(key) });
    expect(va.json).toMatchObject({ success: true, method: "VA_PERMATA", fee: 4_000, total: 79_000, va_number: expect.stringMatching(/^8625\d{12}$/) });
    const read = await call({ handler: topupById.GET, method: "GET", path: `/api/v1/topup/${va.json!.id}`, params: { id: va.json!.id }, headers: bearer(key) });
    expect(read.json).toMatchObject({ id: va.json!.id, status: "pending", va_number: va.json!.va_number });
  });

  it("answers 400 with the envelope for every bad amount and creates nothing", async () => {
    const m = await createMerchant();
    const key = await createKey(m.merchantId);
    const bad = ["0", "-5", "10.5", "abc", "1e5", "", "99999999999999999999"];
    for (const amount of bad) {
      expectEnvelope(await call({ handler: ticket.GET, method: "GET", path: `/api/v1/topup/ticket?amount=${encodeURIComponent(amount)}`, headers: bearer(key) }), 400, "VALIDATION");
      expectEnvelope(await call({ handler: invoiceCreate.GET, method: "GET", path: `/api/v1/invoice/create?amount=${encodeURIComponent(amount)}`, headers: bearer(key) }), 400, "VALIDATION");
      expectEnvelope(await call({ handler: gateway.GET, method: "GET", path: `/api/v1/topup/payment-gateway?method=VA_BNI&amount=${encodeURIComponent(amount)}`, headers: bearer(key) }), 400, "VALIDATION");
    }
    for (const amount of [0, -5, 10.5, "text", null, true, { n: 1 }]) {
      expectEnvelope(await call({ handler: invoiceCreate.POST, method: "POST", path: "/api/v1/invoice/create", body: { amount }, headers: bearer(key) }), 400, "VALIDATION");
      expectEnvelope(await call({ handler: gateway.POST, method: "POST", path: "/api/v1/topup/payment-gateway", body: { method: "QRIS", amount }, headers: bearer(key) }), 400, "VALIDATION");
    }
    // Above the method's maximum (QRIS: Rp 10.000.000), below its minimum, unknown method, broken JSON.
    expectEnvelope(await call({ handler: invoiceCreate.GET, method: "GET", path: "/api/v1/invoice/create?amount=10000001", headers: bearer(key) }), 400, "VALIDATION");
    expectEnvelope(await call({ handler: ticket.GET, method: "GET", path: "/api/v1/topup/ticket?amount=500", headers: bearer(key) }), 400, "VALIDATION");
    expectEnvelope(await call({ handler: gateway.GET, method: "GET", path: "/api/v1/topup/payment-gateway?method=VA_XYZ&amount=50000", headers: bearer(key) }), 400, "VALIDATION");
    expectEnvelope(await call({ handler: invoiceCreate.POST, method: "POST", path: "/api/v1/invoice/create", body: "{not json", headers: bearer(key) }), 400, "VALIDATION");
    expectEnvelope(await call({ handler: invoiceStatus.GET, method: "GET", path: "/api/v1/invoice/status", headers: bearer(key) }), 400, "VALIDATION");
    expect(await db.deposit.count({ where: { merchantId: m.merchantId } })).toBe(0);
  });

  it("replays a POST with the same Idempotency-Key and refuses the key with another body", async () => {
    const m = await createMerchant();
    const key = await createKey(m.merchantId);
    const headers = { ...bearer(key), "idempotency-key": "order-42" };
    const first = await call({ handler: invoiceCreate.POST, method: "POST", path: "/api/v1/invoice/create", body: { amount: 12_000 }, headers });
    const again = await call({ handler: invoiceCreate.POST, method: "POST", path: "/api/v1/invoice/create", body: { amount: 12_000 }, headers });
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.deposit.count({ where: { merchantId: m.merchantId } })).toBe(1);
    const other = await call({ handler: invoiceCreate.POST, method: "POST", path: "/api/v1/invoice/create", body: { amount: 13_000 }, headers });
    expectEnvelope(other, 409, "CONFLICT");
    // Same key, other merchant: independent.
    const n = await createMerchant();
    const theirs = await call({ handler: invoiceCreate.POST, method: "POST", path: "/api/v1/invoice/create", body: { amount: 13_000 }, headers: { ...bearer(await createKey(n.merchantId)), "idempotency-key": "order-42" } });
    expect(theirs.status).toBe(200);
  });
});
