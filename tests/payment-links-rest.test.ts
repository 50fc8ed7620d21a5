// Issue 15 — the payment links REST surface, called through its route handlers with real
// Requests and a real database: POST creates (Idempotency-Key honoured), GET answers the link with
// its payments and totals, another merchant's link is 404, bad input is a 4xx envelope.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as linkById from "@/app/api/v1/payment-links/[id]/route";
import * as links from "@/app/api/v1/payment-links/route";
import { db, engine } from "@/server/db";
import { handleProviderWebhook } from "@/server/http/provider-webhooks";
import { PaymentLink } from "@/server/openapi/payment-link-operations";
import { startLinkPayment } from "@/server/payment-links/start-link-payment";
import { createKey, createMerchant, signedSandboxWebhook } from "./helpers/fixtures";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, method: "GET" | "POST", path: string, { key, body, headers = {}, params = {} }: { key?: string; body?: unknown; headers?: Record<string, string>; params?: Record<string, string> } = {}) {
  const req = new Request(`http://localhost${path}`, {
    method,
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, any>) : null };
}

const create = (key: string, body: unknown, headers: Record<string, string> = {}) => call(links.POST as Handler, "POST", "/api/v1/payment-links", { key, body, headers });
const get = (key: string, id: string) => call(linkById.GET as Handler, "GET", `/api/v1/payment-links/${id}`, { key, params: { id } });

function expectEnvelope(res: { status: number; json: Record<string, any> | null }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.json).toMatchObject({ success: false, code, error: expect.any(String) });
  expect(res.json!.error).not.toMatch(/at .*\.ts|Error:|prisma|undefined/i);
}

describe(`REST payment links on ${engine}`, () => {
  it("POST creates a fixed or an open link and answers its public url; GET answers it again", async () => {
    const m = await createMerchant();
    const key = await createKey(m.merchantId);
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const fixed = await create(key, { amount: 150_000, description: "Kaos Saldo L", expires_at: `${day}T23:59:00+07:00` });
    expect(fixed.status).toBe(200);
    expect(fixed.json).toMatchObject({
      success: true,
      id: expect.stringMatching(/^pl_[0-9a-hjkmnp-tv-z]{26}$/),
      status: "active",
      amount: 150_000,
      min_amount: null,
      max_amount: null,
      description: "Kaos Saldo L",
      single_use: false,
      paid_count: 0,
      total_paid: 0,
    });
    expect(fixed.json!.url).toMatch(new RegExp(`^https?://[^/]+/l/${fixed.json!.id}$`));
    // 23:59 WIB is 16:59 UTC.
    expect(fixed.json!.expires_at).toBe(`${day}T16:59:00.000Z`);

    const open = await create(key, { min_amount: "10000", max_amount: 500_000, description: "Donasi", single_use: true });
    expect(open.json).toMatchObject({ success: true, amount: null, min_amount: 10_000, max_amount: 500_000, single_use: true, expires_at: null });

    const again = await get(key, open.json!.id);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ success: true, id: open.json!.id, status: "active", payments: [], paid_count: 0, total_paid: 0 });
  });

  it("refuses bad input with a 400 envelope and stores nothing", async () => {
    const m = await createMerchant();
    const key = await createKey(m.merchantId);
    const bad: [unknown, RegExp][] = [
      [{ description: "x" }, /amount/],
      [{ amount: 50_000, min_amount: 10_000, max_amount: 90_000, description: "x" }, /not both/],
      [{ min_amount: 90_000, max_amount: 10_000, description: "x" }, /minimum/],
      [{ amount: 12.5, description: "x" }, /amount/],
      [{ amount: -5, description: "x" }, /amount/],
      [{ amount: "abc", description: "x" }, /amount/],
      [{ amount: 50_000 }, /description/],
      [{ amount: 50_000, description: "" }, /description/],
      [{ amount: 50_000, description: "x".repeat(201) }, /description/],
      [{ amount: 50_000, description: "x", single_use: "yes" }, /single_use/],
      [{ amount: 50_000, description: "x", expires_at: "tomorrow" }, /expires_at/],
      [{ amount: 50_000, description: "x", expires_at: "2001-01-01T00:00:00Z" }, /future/],
      [{ amount: 500, description: "x" }, /QRIS/],
      ["[1,2]", /JSON/],
      ["{not json", /JSON/],
    ];
    for (const [body, message] of bad) {
      const res = await create(key, body);
      expectEnvelope(res, 400, "VALIDATION");
      expect(res.json!.error, JSON.stringify(body)).toMatch(message);
    }
    expect(await db.paymentLink.count({ where: { merchantId: m.merchantId } })).toBe(0);
    // No key: 401.
    expectEnvelope(await call(links.POST as Handler, "POST", "/api/v1/payment-links", { body: { amount: 50_000, description: "x" } }), 401, "UNAUTHORIZED");
  });

  it("honours Idempotency-Key: the same request answers the same link, another body with the key is 409", async () => {
    const m = await createMerchant();
    const key = await createKey(m.merchantId);
    const idem = { "idempotency-key": `link-${randomUUID()}` };
    const body = { amount: 80_000, description: "Kelas yoga" };
    const first = await create(key, body, idem);
    const second = await create(key, body, idem);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.json!.id).toBe(first.json!.id);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expectEnvelope(await create(key, { ...body, amount: 90_000 }, idem), 409, "CONFLICT");
    // Concurrent first attempts with one fresh key make one link.
    const fresh = { "idempotency-key": `link-${randomUUID()}` };
    const racing = await Promise.all(Array.from({ length: 4 }, () => create(key, body, fresh)));
    const made = racing.filter((r) => r.status === 200).map((r) => r.json!.id);
    expect(new Set(made).size).toBe(1);
    for (const r of racing) expect([200, 409]).toContain(r.status);
    expect(await db.paymentLink.count({ where: { merchantId: m.merchantId } })).toBe(2);
  });

  it("GET answers payments and totals; another merchant's link and unknown ids are 404", async () => {
    const m = await createMerchant();
    const key = await createKey(m.merchantId);
    const made = await create(key, { min_amount: 10_000, max_amount: 1_000_000, description: "Iuran RT" });
    const id = made.json!.id as string;
    const qris = await startLinkPayment({ linkId: id, method: "QRIS", amount: 100_000n, payerKey: randomUUID() });
    const va = await startLinkPayment({ linkId: id, method: "VA_BNI", amount: 200_000n, payerKey: randomUUID() });
    const body = (reference: string, amount: bigint) => ({ event_id: `evt-${randomUUID()}`, reference, amount: Number(amount), paid_at: new Date().toISOString() });
    expect((await handleProviderWebhook("sandbox", await signedSandboxWebhook(body(qris.id, qris.total)))).status).toBe(200);

    const res = await get(key, id);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id, paid_count: 1, total_paid: 100_000, status: "active" });
    const payments = res.json!.payments as Record<string, unknown>[];
    expect(payments.map((p) => [p.id, p.status, p.amount]).sort()).toEqual(
      [
        [qris.id, "paid", 100_000],
        [va.id, "pending", 200_000],
      ].sort(),
    );
    expect(payments.find((p) => p.id === va.id)).toMatchObject({ method: "VA_BNI", va_number: va.vaNumber, total: 204_000 });
    // The answer is what the OpenAPI document declares.
    expect(PaymentLink.safeParse(res.json).error?.issues).toBeUndefined();

    const other = await createMerchant();
    const otherKey = await createKey(other.merchantId);
    expectEnvelope(await get(otherKey, id), 404, "NOT_FOUND");
    expectEnvelope(await get(key, "pl_3v8k2m9x7q4c1b6n5t0w8r2y4h"), 404, "NOT_FOUND");
    expectEnvelope(await get(key, "inv_7m2k9x4q1c8v5b3n6t0w2r8y4h"), 404, "NOT_FOUND");
    const weird = await get(key, "a b");
    expect([400, 404]).toContain(weird.status);
    expect(weird.json).toMatchObject({ success: false });
    expectEnvelope(await call(linkById.GET as Handler, "GET", `/api/v1/payment-links/${id}`, { params: { id } }), 401, "UNAUTHORIZED");
  });
});
