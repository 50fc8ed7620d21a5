// Issue 13.3: every route that reads a body refuses more than MAX_BODY_BYTES (65536 by default)
// with 413 before reading it all: REST, prepaid, provider webhooks, tRPC.
import { describe, expect, it } from "vitest";
import * as invoiceCreate from "@/app/api/v1/invoice/create/route";
import * as checkBalance from "@/app/api/prepaid/check-balance/route";
import * as trpcRoute from "@/app/api/trpc/[trpc]/route";
import * as bankMutation from "@/app/api/webhooks/bank-mutation/route";
import * as sandboxWebhook from "@/app/api/webhooks/sandbox/route";
import { db } from "@/server/db";
import { edgeEnv } from "@/server/env";
import { readBodyLimited } from "@/server/http/read-body";
import { createKey, createMerchant } from "./helpers/fixtures";

const LIMIT = edgeEnv.MAX_BODY_BYTES;
const noParams = { params: Promise.resolve({}) };
const oneMegabyteJson = JSON.stringify({ amount: 10_000, note: "x".repeat(1024 * 1024) });

/** A body that streams `total` bytes in 16 KiB chunks without a Content-Length, counting what was pulled. */
function chunkedBody(total: number) {
  const counter = { pulled: 0 };
  const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

async function expectTooLarge(res: Response) {
  expect(res.status).toBe(413);
  expect(await res.json()).toMatchObject({ success: false, code: "PAYLOAD_TOO_LARGE", error: expect.stringMatching(/too large/) });
}

describe("13.3 body size", () => {
  it("13.3 a 1 MB body to POST /api/v1/invoice/create is refused with 413 and nothing is created", async () => {
    const m = await createMerchant();
    const key = await createKey(m.merchantId);
    const res = await invoiceCreate.POST(
      new Request("http://localhost/api/v1/invoice/create", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: oneMegabyteJson }),
      noParams,
    );
    await expectTooLarge(res);
    expect(await db.deposit.count({ where: { merchantId: m.merchantId } })).toBe(0);

    // A body just under the limit is read as before.
    const fits = JSON.stringify({ amount: 10_000, note: "x".repeat(LIMIT - 40) });
    expect(Buffer.byteLength(fits)).toBeLessThanOrEqual(LIMIT);
    const ok = await invoiceCreate.POST(
      new Request("http://localhost/api/v1/invoice/create", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: fits }),
      noParams,
    );
    expect(ok.status).toBe(200);
  });

  it("13.3 a chunked body without Content-Length is cut off at the limit, not read to its end", async () => {
    const { stream, counter } = chunkedBody(10 * 1024 * 1024);
    const req = new Request("http://localhost/x", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(req.headers.get("content-length")).toBeNull();
    await expect(readBodyLimited(req)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(counter.pulled).toBeLessThan(LIMIT + 3 * 16 * 1024);

    // And through a route: REST over a chunked 10 MB body.
    const m = await createMerchant();
    const key = await createKey(m.merchantId);
    const big = chunkedBody(10 * 1024 * 1024);
    const res = await invoiceCreate.POST(
      new Request("http://localhost/api/v1/invoice/create", { method: "POST", headers: { authorization: `Bearer ${key}` }, body: big.stream, duplex: "half" } as RequestInit),
      noParams,
    );
    await expectTooLarge(res);
    expect(big.counter.pulled).toBeLessThan(LIMIT + 3 * 16 * 1024);
  });

  it("13.3 a declared Content-Length above the limit is refused without reading the body", async () => {
    const { stream, counter } = chunkedBody(1024 * 1024);
    const req = new Request("http://localhost/x", { method: "POST", headers: { "content-length": String(LIMIT + 1) }, body: stream, duplex: "half" } as RequestInit);
    await expect(readBodyLimited(req)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(counter.pulled).toBeLessThanOrEqual(16 * 1024);
  });

  it("13.3 prepaid: a body above the limit gets HTTP 413, answered in the IAK shape", async () => {
    const json = await checkBalance.POST(
      new Request("http://localhost/api/prepaid/check-balance", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "0812", sign: "x", pad: "x".repeat(LIMIT) }) }),
    );
    expect(json.status).toBe(413);
    expect(await json.json()).toEqual({ data: { rc: "107", message: "REQUEST BODY TOO LARGE" } });
    const xml = await checkBalance.POST(
      new Request("http://localhost/api/prepaid/check-balance", { method: "POST", headers: { "content-type": "application/xml" }, body: `<mp><pad>${"x".repeat(LIMIT)}</pad></mp>` }),
    );
    expect(xml.status).toBe(413);
    expect(await xml.text()).toContain("<rc>107</rc>");
  });

  it("13.3 provider webhooks (sandbox, bank mutation): 413 before the signature is even checked", async () => {
    const body = "x".repeat(LIMIT + 1);
    await expectTooLarge(await sandboxWebhook.POST(new Request("http://localhost/api/webhooks/sandbox", { method: "POST", headers: { "x-signature": "00" }, body })));
    await expectTooLarge(await bankMutation.POST(new Request("http://localhost/api/webhooks/bank-mutation", { method: "POST", headers: { "x-signature": "00" }, body })));
  });

  it("13.3 tRPC: a mutation body above the limit gets 413 before tRPC parses it", async () => {
    const res = await trpcRoute.POST(
      new Request("http://localhost/api/trpc/deposits.create", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ json: { method: "QRIS", amount: 10_000, pad: "x".repeat(LIMIT) } }) }),
    );
    await expectTooLarge(res);
  });
});
