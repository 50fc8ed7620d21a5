import { execFile, spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/v1/events/route";
import { createKey, createMerchant } from "../../tests/helpers/fixtures";
import { startReceiver } from "../../tests/helpers/receiver";
import { db, engine, transaction } from "../db";
import { runDeliveries } from "./dispatch";
import { listEventsAfter } from "./list-events-after";
import { resendEvent } from "./resend-event";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { saveWebhookEndpoint } from "./save-webhook-endpoint";
import { sendTestEvent } from "./send-test-event";
import { enqueueEvent } from "./outbox";
import { assertSafeCallbackUrl } from "./url-safety";

const run = promisify(execFile);
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const actor = { type: "SYSTEM" as const };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  closers.push(r.close);
  return r;
}

async function merchantWithEndpoint(url: string, eventTypes?: string[]) {
  const m = await createMerchant();
  const { secret } = await saveWebhookEndpoint({ merchantId: m.merchantId, url, eventTypes, actor });
  return { ...m, secret: secret! };
}

async function emit(merchantId: string, count = 1, type: "invoice.paid" | "withdraw.success" = "invoice.paid") {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const event = await transaction((tx) => enqueueEvent(tx, { merchantId, type, data: { invoice_id: `inv_${i}`, amount: 10_000 + i, status: "Success" } }));
    ids.push(event.id);
  }
  return ids;
}

/** Runs the worker loop in this process until nothing is due, including retries that come due. */
async function drain(rounds = 40) {
  for (let i = 0; i < rounds; i++) {
    await runDeliveries("test-inline");
    const due = await db.outboxEvent.count({ where: { status: "pending" } });
    if (!due) return;
    await new Promise((r) => setTimeout(r, 60));
  }
}

const headerMap = (h: Record<string, unknown>) => ({
  "webhook-id": String(h["webhook-id"]),
  "webhook-timestamp": String(h["webhook-timestamp"]),
  "webhook-signature": String(h["webhook-signature"]),
});

describe(`merchant callbacks on ${engine}`, () => {
  it("signs so that the reference Standard Webhooks verifier and an HMAC-SHA512 check both accept it", async () => {
    const r = await receiver();
    const m = await merchantWithEndpoint(r.url);
    expect(m.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const [id] = await emit(m.merchantId);
    await drain();
    expect(r.received).toHaveLength(1);
    const got = r.received[0]!;
    const verified = new Webhook(m.secret).verify(got.body, headerMap(got.headers)) as { id: string; type: string; data: { amount: number } };
    expect(verified).toMatchObject({ id, type: "invoice.paid", data: { amount: 10_000 } });
    expect(got.headers["webhook-id"]).toBe(id);
    const expected = createHmac("sha512", m.secret).update(got.body).digest("hex");
    expect(got.headers["x-signature"]).toBe(expected);
    // A tampered body fails the reference verifier.
    expect(() => new Webhook(m.secret).verify(got.body.replace("10000", "99999"), headerMap(got.headers))).toThrow();
    expect((await db.outboxEvent.findUniqueOrThrow({ where: { id } })).status).toBe("delivered");
  });

  it("retries 500 three times, then delivers on 200 with the same webhook-id; the log keeps all 4 attempts", async () => {
    const r = await receiver((_req, i) => (i < 3 ? { status: 500, body: "boom" } : { status: 200, body: "thanks" }));
    const m = await merchantWithEndpoint(r.url);
    const [id] = await emit(m.merchantId);
    await drain();
    expect(r.ids()).toEqual([id, id, id, id]);
    const attempts = await db.deliveryAttempt.findMany({ where: { eventId: id }, orderBy: { attempt: "asc" } });
    expect(attempts.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
      [4, 200],
    ]);
    expect(attempts[0]!.responseBody).toBe("boom");
    expect(await db.outboxEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "delivered", attempts: 4 });
  });

  it("delivers everything after a receiver that was down comes back, none twice", async () => {
    const placeholder = await startReceiver();
    const port = placeholder.port;
    await placeholder.close(); // now nothing listens: connection refused
    const m = await merchantWithEndpoint(`http://127.0.0.1:${port}/hooks`);
    const ids = await emit(m.merchantId, 5);
    for (let i = 0; i < 3; i++) {
      // One batch per round: on a slow machine a longer run would let the 50 ms retries use up the whole schedule.
      await runDeliveries("test-down", { maxBatches: 1 });
      await new Promise((r) => setTimeout(r, 80));
    }
    const refused = await db.deliveryAttempt.findMany({ where: { eventId: { in: ids } } });
    expect(refused.length).toBeGreaterThanOrEqual(5);
    expect(refused.every((a) => a.statusCode === null && a.error)).toBe(true);
    const r = await receiver(undefined, port);
    await drain();
    expect(new Set(r.ids())).toEqual(new Set(ids));
    expect(r.ids()).toHaveLength(5);
    const delivered = await db.deliveryAttempt.groupBy({ by: ["eventId"], where: { eventId: { in: ids }, statusCode: 200 }, _count: { _all: true } });
    expect(delivered.map((d) => d._count._all)).toEqual([1, 1, 1, 1, 1]);
  });

  it("gives up after the schedule and marks the event failed; 410 Gone disables the endpoint", async () => {
    const r = await receiver(() => ({ status: 503 }));
    const m = await merchantWithEndpoint(r.url);
    const [id] = await emit(m.merchantId);
    await drain();
    expect(await db.outboxEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", attempts: 9 });

    const gone = await receiver(() => ({ status: 410 }));
    const n = await merchantWithEndpoint(gone.url);
    const [goneId] = await emit(n.merchantId);
    await drain();
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { merchantId: n.merchantId } })).toMatchObject({ status: "disabled" });
    expect(await db.notification.count({ where: { merchantId: n.merchantId, type: "webhook.disabled" } })).toBe(1);
    // And the merchant's users are mailed once (Indonesian by default), in the same transaction.
    const mails = await db.mailMessage.findMany({ where: { merchantId: n.merchantId, kind: "callback-endpoint-disabled" } });
    expect(mails.map((x) => [x.locale, x.subject])).toEqual([["id", "Endpoint callback dinonaktifkan"]]);
    expect(mails[0]!.text).toContain(gone.url);
    expect((await db.outboxEvent.findUniqueOrThrow({ where: { id: goneId } })).status).toBe("failed");
    const [later] = await emit(n.merchantId);
    await drain();
    expect(gone.received.length).toBe(1); // nothing more is sent to a retired endpoint
    expect((await db.outboxEvent.findUniqueOrThrow({ where: { id: later } })).status).toBe("skipped");
  });

  it("never follows a redirect", async () => {
    const target = await receiver();
    const r = await receiver(() => ({ status: 302, headers: { location: target.url } }));
    const m = await merchantWithEndpoint(r.url);
    const [id] = await emit(m.merchantId);
    await runDeliveries("test-redirect");
    expect(target.received).toHaveLength(0);
    const attempt = await db.deliveryAttempt.findFirstOrThrow({ where: { eventId: id } });
    expect(attempt.statusCode).toBe(302);
    expect(attempt.error).toMatch(/not followed/);
  });

  it("two worker processes deliver 500 events exactly once each", async () => {
    const r = await receiver();
    const m = await merchantWithEndpoint(r.url);
    await transaction(async (tx) => {
      for (let i = 0; i < 500; i++) await enqueueEvent(tx, { merchantId: m.merchantId, type: "invoice.paid", data: { n: i } });
    });
    const started = Date.now();
    await Promise.all([0, 1].map(() => run(tsx, [path.join("tests", "helpers", "delivery-worker.ts")], { env: { ...process.env } })));
    const seconds = (Date.now() - started) / 1000;
    console.log(`[measure] ${engine}: 2 workers delivered 500 events in ${Math.round(seconds * 10) / 10} s (${Math.round(500 / seconds)} events/s, process start included)`);
    const ids = r.ids();
    expect(ids).toHaveLength(500);
    expect(new Set(ids).size).toBe(500);
    expect(await db.outboxEvent.count({ where: { merchantId: m.merchantId, status: "delivered" } })).toBe(500);
  });

  it("loses nothing when a worker is killed with SIGKILL mid-batch", async () => {
    const r = await receiver(() => ({ status: 200, delayMs: 150 }));
    const m = await merchantWithEndpoint(r.url);
    const ids = await emit(m.merchantId, 12);
    const env = { ...process.env, WEBHOOK_CLAIM_SECONDS: "1", WEBHOOK_CONCURRENCY: "2" };
    const first = spawn(tsx, [path.join("tests", "helpers", "delivery-worker.ts"), "--forever"], { env, stdio: "ignore" });
    while (r.received.length < 3) await new Promise((res) => setTimeout(res, 20));
    first.kill("SIGKILL");
    await new Promise((res) => first.once("exit", res));
    const receivedBeforeRestart = r.received.length;
    expect(receivedBeforeRestart).toBeLessThan(12);
    await new Promise((res) => setTimeout(res, 1100)); // its claims lapse
    await run(tsx, [path.join("tests", "helpers", "delivery-worker.ts")], { env });
    expect(new Set(r.ids())).toEqual(new Set(ids));
    expect(await db.outboxEvent.count({ where: { id: { in: ids }, status: "delivered" } })).toBe(12);
  });

  it("during a rotation both the old and the new secret verify; afterwards only the new one", async () => {
    const r = await receiver();
    const m = await merchantWithEndpoint(r.url);
    const { secret: newSecret } = await rotateWebhookSecret({ merchantId: m.merchantId, actor });
    await emit(m.merchantId);
    await drain();
    const during = r.received[0]!;
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(() => new Webhook(m.secret).verify(during.body, headerMap(during.headers))).not.toThrow();
    expect(() => new Webhook(newSecret).verify(during.body, headerMap(during.headers))).not.toThrow();

    await transaction((tx) => tx.webhookEndpoint.update({ where: { merchantId: m.merchantId }, data: { previousSecretExpiresAt: new Date(Date.now() - 1000) } }));
    await emit(m.merchantId);
    await drain();
    const after = r.received[1]!;
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(() => new Webhook(newSecret).verify(after.body, headerMap(after.headers))).not.toThrow();
    expect(() => new Webhook(m.secret).verify(after.body, headerMap(after.headers))).toThrow();
  });

  it("only sends subscribed event types", async () => {
    const r = await receiver();
    const m = await merchantWithEndpoint(r.url, ["withdraw.success"]);
    const [skipped] = await emit(m.merchantId, 1, "invoice.paid");
    const [sent] = await emit(m.merchantId, 1, "withdraw.success");
    await drain();
    expect(r.ids()).toEqual([sent]);
    expect((await db.outboxEvent.findUniqueOrThrow({ where: { id: skipped } })).status).toBe("skipped");
  });

  it("Resend and the test event deliver now and join the log", async () => {
    const r = await receiver();
    const m = await merchantWithEndpoint(r.url);
    const [id] = await emit(m.merchantId);
    await drain();
    const resent = await resendEvent(m.merchantId, id!, actor);
    expect(resent.ok).toBe(true);
    expect(r.ids()).toEqual([id, id]);
    expect(await db.deliveryAttempt.count({ where: { eventId: id, manual: true } })).toBe(1);
    const other = await createMerchant();
    await expect(resendEvent(other.merchantId, id!, actor)).rejects.toThrow(/not found/i);

    const test = await sendTestEvent(m.merchantId, actor);
    expect(test).toMatchObject({ ok: true, statusCode: 200, responseBody: "ok" });
    expect(JSON.parse(r.received.at(-1)!.body)).toMatchObject({ type: "webhook.test", data: { test: true } });
  });

  it("refuses callback URLs that point inside the network when sandbox is off", async () => {
    for (const url of ["http://localhost:3000/x", "https://127.0.0.1/x", "https://10.1.2.3/x", "https://192.168.1.1/x", "https://169.254.169.254/latest", "https://[::1]/x", "https://[fe80::1]/x", "ftp://example.com", "not a url", "https://user:pw@93.184.216.34/"]) {
      await expect(assertSafeCallbackUrl(url, false), url).rejects.toThrow();
    }
    await expect(assertSafeCallbackUrl("https://93.184.216.34/hooks", false)).resolves.toBeInstanceOf(URL);
    await expect(assertSafeCallbackUrl("http://127.0.0.1:4000/hooks", true)).resolves.toBeInstanceOf(URL);
    await expect(assertSafeCallbackUrl("http://93.184.216.34/hooks", true)).rejects.toThrow(/https/);
  });

  it("lists events for polling in order after a cursor, over REST too", async () => {
    const m = await createMerchant();
    const ids = await emit(m.merchantId, 5);
    const firstTwo = await listEventsAfter(m.merchantId, { limit: 2 });
    const rest = await listEventsAfter(m.merchantId, { after: firstTwo[1]!.id, limit: 10 });
    const order = [...firstTwo, ...rest].map((e) => e.id);
    expect(new Set(order)).toEqual(new Set(ids));
    expect(order).toHaveLength(5);

    const key = await createKey(m.merchantId);
    const call = async (query: string, headers: Record<string, string> = { authorization: `Bearer ${key}` }) => {
      const res = await eventsRoute.GET(new Request(`http://localhost/api/v1/events${query}`, { headers }), { params: Promise.resolve({}) });
      return { status: res.status, json: (await res.json()) as { data: { id: string; type: string }[]; next_after: string; success: boolean; code?: string } };
    };
    const page = await call(`?limit=3`);
    expect(page.status).toBe(200);
    expect(page.json.data.map((e) => e.id)).toEqual(order.slice(0, 3));
    const next = await call(`?after=${page.json.next_after}&limit=3`);
    expect(next.json.data.map((e) => e.id)).toEqual(order.slice(3));
    expect((await call("?limit=3", {})).status).toBe(401);
    expect((await call("?limit=1000")).status).toBe(400);
    expect((await call(`?after=evt_${randomUUID()}`)).status).toBe(404);
  });
});
