// Issue 13.2: rate limits on the REST and prepaid APIs (per key, per IP, failed authentications
// per IP) and on the public pay / QR / live-status routes (per IP), with small limits set here.
// No peer-address hook runs in this file, so the right-most X-Forwarded-For entry stands in for
// the socket peer (what Next.js puts there when the caller sends none): each test picks its own
// addresses, so the per-IP budgets of one test do not touch another's.
import { createHash, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_API_PER_MINUTE = "3";
  process.env.RATE_LIMIT_PUBLIC_PER_MINUTE = "2";
  process.env.RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE = "2";
  delete process.env.REDIS_URL;
});

import { NextRequest } from "next/server";
import { Redis } from "ioredis";
import * as balance from "@/app/api/v1/balance/route";
import * as invoiceCreate from "@/app/api/v1/invoice/create/route";
import * as invoiceQr from "@/app/api/v1/invoice/[id]/qr.png/route";
import * as checkBalance from "@/app/api/prepaid/check-balance/route";
import * as trpcRoute from "@/app/api/trpc/[trpc]/route";
import { proxy } from "@/proxy";
import { isAppError } from "@/server/errors";
import { RequestLimiters } from "@/server/http/request-rate-limits";
import { createKey, createMerchant, createPrepaidMerchant, fund } from "./helpers/fixtures";

const noParams = { params: Promise.resolve({}) };
const from = (ip: string) => ({ "x-forwarded-for": ip });

async function getBalance(key: string, ip: string) {
  return balance.GET(new Request("http://localhost/api/v1/balance", { headers: { authorization: `Bearer ${key}`, ...from(ip) } }), noParams);
}

async function expectRateLimited(res: Response) {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(await res.json()).toMatchObject({ success: false, code: "RATE_LIMITED", error: expect.stringMatching(/Too many requests/) });
}

describe("13.2 rate limits on the REST API", () => {
  it("13.2 REST: past RATE_LIMIT_API_PER_MINUTE an API key gets 429 with Retry-After and the error envelope", async () => {
    const m = await createMerchant();
    await fund(m.merchantId, 1000);
    const key = await createKey(m.merchantId);
    // Each call from another address, so only the key's budget (3) is spent.
    for (const ip of ["10.1.0.1", "10.1.0.2", "10.1.0.3"]) expect((await getBalance(key, ip)).status).toBe(200);
    await expectRateLimited(await getBalance(key, "10.1.0.4"));
    // Another key of the same merchant has its own budget.
    expect((await getBalance(await createKey(m.merchantId), "10.1.0.5")).status).toBe(200);
  });

  it("13.2 REST: one IP is limited across keys", async () => {
    const m = await createMerchant();
    const keys = await Promise.all([1, 2, 3, 4].map(() => createKey(m.merchantId)));
    for (const key of keys.slice(0, 3)) expect((await getBalance(key, "10.1.1.1")).status).toBe(200);
    await expectRateLimited(await getBalance(keys[3]!, "10.1.1.1"));
  });

  it("13.2 REST: an IP past RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE failed authentications is refused, even with a valid key", async () => {
    const m = await createMerchant();
    const key = await createKey(m.merchantId);
    expect((await getBalance("sk_test_guess1", "10.1.2.1")).status).toBe(401);
    expect((await getBalance("sk_test_guess2", "10.1.2.1")).status).toBe(401);
    await expectRateLimited(await getBalance(key, "10.1.2.1"));
    await expectRateLimited(await getBalance("sk_test_guess3", "10.1.2.1"));
    expect((await getBalance(key, "10.1.2.2")).status).toBe(200);
  });
});

describe("13.2 rate limits on the prepaid API", () => {
  const md5 = (text: string) => createHash("md5").update(text).digest("hex");
  const checkBalanceFrom = (username: string, sign: string, ip: string, format: "json" | "xml" = "json") =>
    checkBalance.POST(
      new Request("http://localhost/api/prepaid/check-balance", {
        method: "POST",
        headers: { "content-type": format === "json" ? "application/json" : "application/xml", ...from(ip) },
        body: format === "json" ? JSON.stringify({ username, sign }) : `<mp><username>${username}</username><sign>${sign}</sign></mp>`,
      }),
    );

  it("13.2 prepaid: past the limit a username gets HTTP 429 with Retry-After, answered in the IAK shape (rc 503)", async () => {
    const m = await createPrepaidMerchant();
    const sign = md5(`${m.username}${m.apiKey}bl`);
    for (const ip of ["10.2.0.1", "10.2.0.2", "10.2.0.3"]) {
      const ok = await checkBalanceFrom(m.username, sign, ip);
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { data: { rc: string } }).data.rc).toBe("00");
    }
    const limited = await checkBalanceFrom(m.username, sign, "10.2.0.4");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toEqual({ data: { rc: "503", message: "TOO MANY REQUESTS, TRY AGAIN" } });
    const xml = await checkBalanceFrom(m.username, sign, "10.2.0.5", "xml");
    expect(xml.status).toBe(429);
    expect(await xml.text()).toContain("<rc>503</rc>");
  });

  it("13.2 prepaid: wrong signs spend the sender's IP budget, not the merchant's", async () => {
    const m = await createPrepaidMerchant();
    const wrong = md5("not the key");
    // A stranger's wrong signs, from two addresses, three times each would be 6 > 3...
    for (const ip of ["10.2.1.1", "10.2.1.2"]) {
      for (let i = 0; i < 2; i++) expect(((await (await checkBalanceFrom(m.username, wrong, ip)).json()) as { data: { rc: string } }).data.rc).toBe("204");
      // ...but past two failures the stranger's address is refused.
      expect((await checkBalanceFrom(m.username, wrong, ip)).status).toBe(429);
    }
    // The merchant still has its whole budget.
    const sign = md5(`${m.username}${m.apiKey}bl`);
    for (const ip of ["10.2.1.3", "10.2.1.4", "10.2.1.5"]) expect((await checkBalanceFrom(m.username, sign, ip)).status).toBe(200);
  });
});

describe("13.2 rate limits on the public pay / QR / watch routes", () => {
  async function invoiceId() {
    const m = await createMerchant();
    const key = await createKey(m.merchantId);
    const res = await invoiceCreate.POST(
      new Request("http://localhost/api/v1/invoice/create", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...from(`10.3.9.${Math.floor(Math.random() * 250)}`) }, body: JSON.stringify({ amount: 10_000 }) }),
      noParams,
    );
    return ((await res.json()) as { invoice_id: string }).invoice_id;
  }

  it("13.2 public: the QR image route answers 429 with Retry-After past RATE_LIMIT_PUBLIC_PER_MINUTE per IP", async () => {
    const id = await invoiceId();
    const qr = (ip: string) => invoiceQr.GET(new Request(`http://localhost/api/v1/invoice/${id}/qr.png`, { headers: from(ip) }), { params: Promise.resolve({ id }) });
    expect((await qr("10.3.0.1")).status).toBe(200);
    expect((await qr("10.3.0.1")).status).toBe(200);
    await expectRateLimited(await qr("10.3.0.1"));
    expect((await qr("10.3.0.2")).status).toBe(200);
  });

  it("13.2 public: deposits.forPayer / deposits.watch over /api/trpc are limited per IP", async () => {
    const id = await invoiceId();
    const input = encodeURIComponent(JSON.stringify({ json: { id } }));
    const call = (procedure: string, ip: string) => trpcRoute.GET(new Request(`http://localhost/api/trpc/${procedure}?input=${input}`, { headers: from(ip) }));
    // Outside a Next.js request the session lookup fails (and logs); only the limiter's answer matters here.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect((await call("deposits.forPayer", "10.3.1.1")).status).not.toBe(429);
    expect((await call("deposits.forPayer", "10.3.1.1")).status).not.toBe(429);
    await expectRateLimited(await call("deposits.forPayer", "10.3.1.1"));
    await expectRateLimited(await call("deposits.watch", "10.3.1.1"));
    // Procedures that need a session are not counted against the payer budget.
    expect((await call("wallet.balance", "10.3.1.1")).status).not.toBe(429);
    vi.restoreAllMocks();
  });

  it("13.2 public: the /pay/[id] page is limited per IP by proxy.ts", async () => {
    const page = (ip: string) => proxy(new NextRequest("http://localhost/pay/some-id", { headers: from(ip) }));
    expect((await page("10.3.2.1")).status).toBe(200);
    expect((await page("10.3.2.1")).status).toBe(200);
    await expectRateLimited(await page("10.3.2.1"));
    // Other pages are not counted.
    expect((await proxy(new NextRequest("http://localhost/login", { headers: from("10.3.2.1") }))).status).toBe(200);
  });
});

describe("13.2 shared counters", () => {
  const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  const opened: RequestLimiters[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((l) => l.close()));
  });

  async function redisReachable(): Promise<boolean> {
    const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
    probe.on("error", () => undefined);
    try {
      await probe.connect();
      return (await probe.ping()) === "PONG";
    } catch {
      return false;
    } finally {
      probe.disconnect();
    }
  }

  const refusal = (promise: Promise<void>) =>
    promise.then(
      () => null,
      (error: unknown) => (isAppError(error) ? error.code : String(error)),
    );

  it("13.2 with REDIS_URL two limiter instances (two app processes) share the count", async (ctx) => {
    if (!(await redisReachable())) ctx.skip(`no Redis at ${redisUrl} (set TEST_REDIS_URL)`);
    const settings = { apiPerMinute: 3, publicPerMinute: 2, unauthenticatedPerMinute: 2, redisUrl, keyPrefix: `saldo-test:${randomUUID()}` };
    const first = RequestLimiters.create(settings);
    const second = RequestLimiters.create(settings);
    opened.push(first, second);
    expect(await first.ready()).toBe(true);
    expect(await second.ready()).toBe(true);

    await first.admitApiKey("key-1");
    await second.admitApiKey("key-1");
    await first.admitApiKey("key-1");
    expect(await refusal(second.admitApiKey("key-1"))).toBe("RATE_LIMITED");
    expect(await refusal(first.admitApiKey("key-1"))).toBe("RATE_LIMITED");
    expect(await refusal(second.admitApiKey("key-2"))).toBeNull();

    await first.admitPublicRequest("198.51.100.1");
    await second.admitPublicRequest("198.51.100.1");
    expect(await refusal(first.admitPublicRequest("198.51.100.1"))).toBe("RATE_LIMITED");
  });

  it("13.2 without REDIS_URL each process counts alone (memory)", async () => {
    const settings = { apiPerMinute: 1, publicPerMinute: 1, unauthenticatedPerMinute: 1 };
    const first = RequestLimiters.create(settings);
    const second = RequestLimiters.create(settings);
    await first.admitApiKey("key-1");
    expect(await refusal(first.admitApiKey("key-1"))).toBe("RATE_LIMITED");
    expect(await refusal(second.admitApiKey("key-1"))).toBeNull();
  });
});
