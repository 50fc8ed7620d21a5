// Midtrans Payouts (formerly Iris) end to end, against the local fake of its documented API
// (tests/fakes/iris.ts) over real HTTP, on SQLite and PostgreSQL: REST withdraw → admin approval →
// create (creator key, X-Idempotency-Key) and approve (approver key) at the fake → a signed
// notification delivered over HTTP to the route handler → ledger → the merchant's callback in the
// outbox; failures, bad signatures, duplicates and stale notifications; and "never guess, always
// ask": timeouts leave a payout `unknown`, the reconciliation job settles it from the fake's answer,
// and the admin's tool acts only on `unknown`.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { deliver } from "./fakes/http";
import { irisSignature, startIrisFake } from "./fakes/iris";

// The adapter reads IRIS_* when it is imported: the fake must be up and the env set first.
const keys = { creatorKey: "IRIS-creator-key-for-tests", approverKey: "IRIS-approver-key-for-tests", merchantKey: "IRIS-merchant-key-for-tests" };
const iris = await startIrisFake(keys);
Object.assign(process.env, {
  PAYOUT_PROVIDER: "midtrans",
  IRIS_API_URL: iris.url,
  IRIS_CREATOR_KEY: keys.creatorKey,
  IRIS_APPROVER_KEY: keys.approverKey,
  IRIS_MERCHANT_KEY: keys.merchantKey,
  IRIS_TIMEOUT_MS: "400",
});

const { db, engine } = await import("@/server/db");
const { AppError } = await import("@/server/errors");
const { balanceOf, verifyInvariants } = await import("@/server/ledger");
const { payoutProvider } = await import("@/server/providers");
const withdrawRoute = await import("@/app/api/v1/withdraw/route");
const statusRoute = await import("@/app/api/v1/withdraw/status/route");
const notificationRoute = await import("@/app/api/webhooks/midtrans-payouts/route");
const { approveWithdrawal } = await import("@/server/withdrawals/approve-withdrawal");
const { reconcilePayouts } = await import("@/server/withdrawals/reconcile-payouts");
const { resolveUnknownPayout } = await import("@/server/withdrawals/resolve-withdrawal");
const { listPayoutReviews } = await import("@/server/withdrawals/list-payout-reviews");
const { requestWithdrawal } = await import("@/server/withdrawals/request-withdrawal");
const { createKey, createMerchant, fund } = await import("./helpers/fixtures");

type Json = Record<string, any>;
const admin = { type: "USER" as const, id: "admin-payouts-test" };

/** The notification route behind a real node:http server, as Midtrans would reach it. */
const app = await new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) });
      void notificationRoute.POST(request).then(async (response) => {
        res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "application/json" });
        res.end(await response.text());
      });
    });
  });
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo;
    resolve({
      url: `http://127.0.0.1:${port}/api/webhooks/midtrans-payouts`,
      close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
    });
  });
});

afterAll(async () => {
  await app.close();
  await iris.close();
});

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as InstanceType<typeof AppError>;
}

async function rest(handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>, key: string, path: string, body?: unknown) {
  const res = await handler(
    new Request(`http://localhost${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
  return { status: res.status, json: (await res.json()) as Json };
}

/** A funded merchant with an API key, and a withdrawal requested over REST. */
async function requested(body: Json, balance = 1_000_000) {
  const { merchantId } = await createMerchant();
  await fund(merchantId, balance);
  const key = await createKey(merchantId);
  const res = await rest(withdrawRoute.POST, key, "/api/v1/withdraw", body);
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({ success: true, status: "pending" });
  return { merchantId, key, id: res.json.withdraw_id as string };
}

const bca = { amount: 100_000, accountNumber: "0611101146", accountName: "BCA Simulator A", method: "bca" };
const gopay = { amount: 50_000, accountNumber: "08123450000", accountName: "Gopay Simulator A", method: "gopay" };
const row = (id: string) => db.withdrawal.findUniqueOrThrow({ where: { id } });
const posts = (id: string) => db.ledgerJournal.count({ where: { type: "HOLD_POST", reference: id } });
const events = (merchantId: string, type: string) => db.outboxEvent.findMany({ where: { merchantId, type } });
const createCalls = (id: string) => iris.requests.filter((r) => r.method === "POST" && r.path === "/iris/api/v1/payouts" && r.headers["x-idempotency-key"] === id);
const basicUser = (header: unknown) => Buffer.from(String(header).replace(/^Basic /, ""), "base64").toString("utf8").replace(/:$/, "");
const later = (ms: number) => new Date(Date.now() + ms);
const MINUTE = 60_000;

describe(`Midtrans Payouts on ${engine}`, () => {
  it("REST withdraw → approve creates (creator key, idempotency key) and approves (approver key); a signed completed notification over HTTP settles it once", async () => {
    const m = await requested(bca);
    iris.outcome({ status: "processed" });
    const sent = await approveWithdrawal({ withdrawalId: m.id, actor: admin });
    expect(sent).toMatchObject({ status: "sending", payoutProvider: "midtrans", payoutRef: expect.any(String) });
    expect(sent.payoutSentAt).toBeInstanceOf(Date);
    const ref = sent.payoutRef!;

    const [create] = createCalls(m.id);
    expect(basicUser(create!.headers.authorization)).toBe(keys.creatorKey);
    expect(create!.body).toEqual({
      payouts: [{ beneficiary_name: "BCA Simulator A", beneficiary_account: "0611101146", beneficiary_bank: "bca", amount: "100000.00", notes: `Saldo withdrawal ${m.id}` }],
    });
    const approve = iris.requests.find((r) => r.path === "/iris/api/v1/payouts/approve" && JSON.stringify(r.body).includes(ref));
    expect(basicUser(approve!.headers.authorization)).toBe(keys.approverKey);
    expect(approve!.body).toEqual({ reference_nos: [ref] });
    expect(iris.state.payouts.get(ref)).toMatchObject({ status: "processed", amount: "100000.00" });

    // In flight: money held, the merchant still reads `pending`, and the admin's tool refuses it.
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 897_500n, held: 102_500n });
    expect((await rest(statusRoute.GET, m.key, `/api/v1/withdraw/status?withdraw_id=${m.id}`)).json.status).toBe("pending");
    const refused = await errorOf(resolveUnknownPayout({ withdrawalId: m.id, paid: false, note: "guessing", actor: admin }));
    expect(refused.code).toBe("INVALID_STATE");
    expect(refused.message).toMatch(/being sent to the provider \(status: sending\)/);

    iris.setStatus(ref, "completed");
    const delivered = await iris.notify(ref, undefined, { to: app.url });
    expect(delivered.status).toBe(200);
    expect(JSON.parse(delivered.responseBody)).toMatchObject({ success: true, outcome: "settled", withdraw_id: m.id });
    expect(await row(m.id)).toMatchObject({ status: "success", payoutRef: ref, payoutCheckAt: null });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 897_500n, held: 0n });
    const [callback] = await events(m.merchantId, "withdraw.success");
    expect(JSON.parse(callback!.data)).toMatchObject({ withdraw_id: m.id, status: "success", amount: 100_000 });

    // A duplicate and a stale `processed` after `completed` change nothing.
    expect(JSON.parse((await iris.notify(ref, undefined, { to: app.url })).responseBody).outcome).toBe("duplicate");
    expect(JSON.parse((await iris.notify(ref, "processed", { to: app.url })).responseBody).outcome).toBe("duplicate");
    expect(await posts(m.id)).toBe(1);
    expect(await events(m.merchantId, "withdraw.success")).toHaveLength(1);
    expect((await rest(statusRoute.GET, m.key, `/api/v1/withdraw/status?withdraw_id=${m.id}`)).json.status).toBe("success");
  });

  it("a bad or missing Iris-Signature is 401 and changes nothing; `failed` rejects with the bank's reason and the funds come back", async () => {
    const m = await requested(gopay);
    iris.outcome({ status: "processed" });
    const ref = (await approveWithdrawal({ withdrawalId: m.id, actor: admin })).payoutRef!;
    expect(createCalls(m.id)[0]!.body).toMatchObject({ payouts: [{ beneficiary_bank: "gopay", beneficiary_account: "08123450000", amount: "50000.00" }] });
    iris.setStatus(ref, "failed", "002");

    expect((await iris.notify(ref, undefined, { to: app.url, badSignature: true })).status).toBe(401);
    const unsigned = await deliver(app.url, JSON.stringify(iris.notificationBody(ref)), { "content-type": "application/json" });
    expect(unsigned.status).toBe(401);
    // Signed correctly, then altered in transit (failed → completed): the signature no longer matches.
    const raw = JSON.stringify(iris.notificationBody(ref));
    const altered = await deliver(app.url, raw.replace('"failed"', '"completed"'), { "content-type": "application/json", "iris-signature": irisSignature(raw, keys.merchantKey) });
    expect(altered.status).toBe(401);
    expect((await row(m.id)).status).toBe("sending");
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 949_000n, held: 51_000n });

    const res = await iris.notify(ref, undefined, { to: app.url });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.responseBody).outcome).toBe("settled");
    const rejected = await row(m.id);
    expect(rejected).toMatchObject({ status: "rejected", payoutRef: ref });
    expect(rejected.failureReason).toMatch(/002 Invalid destination account number/);
    expect(rejected.adminNote).toBe(rejected.failureReason);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 1_000_000n, held: 0n });
    const [callback] = await events(m.merchantId, "withdraw.rejected");
    expect(JSON.parse(callback!.data)).toMatchObject({ status: "rejected", admin_note: expect.stringMatching(/Invalid destination account number/) });

    // Repeats and stale ones are harmless; a `completed` after the funds went back is not acted on but recorded once for an admin.
    expect(JSON.parse((await iris.notify(ref, undefined, { to: app.url })).responseBody).outcome).toBe("duplicate");
    expect(JSON.parse((await iris.notify(ref, "processed", { to: app.url })).responseBody).outcome).toBe("duplicate");
    expect(JSON.parse((await iris.notify(ref, "completed", { to: app.url })).responseBody).outcome).toBe("review");
    expect(JSON.parse((await iris.notify(ref, "completed", { to: app.url })).responseBody).outcome).toBe("duplicate");
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 1_000_000n, held: 0n });
    expect(await events(m.merchantId, "withdraw.rejected")).toHaveLength(1);
    expect(await db.auditLog.count({ where: { targetId: m.id, action: "withdraw.payout_review" } })).toBe(1);
  });

  it("a `failed` after `completed` (a bank refund) is never reversed silently: recorded once for an admin and listed on the desk", async () => {
    const m = await requested(bca);
    const ref = (await approveWithdrawal({ withdrawalId: m.id, actor: admin })).payoutRef!; // the fake completes it at once
    await iris.notify(ref, "completed", { to: app.url });
    expect((await row(m.id)).status).toBe("success");
    iris.setStatus(ref, "failed", "005");
    const reported = await iris.notify(ref, undefined, { to: app.url });
    expect(JSON.parse(reported.responseBody)).toMatchObject({ success: true, outcome: "review", withdraw_id: m.id });
    expect(JSON.parse((await iris.notify(ref, undefined, { to: app.url })).responseBody).outcome).toBe("duplicate");
    expect(await row(m.id)).toMatchObject({ status: "success" });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 897_500n, held: 0n });
    expect(await posts(m.id)).toBe(1);
    const reviews = (await listPayoutReviews(50)).filter((r) => r.withdrawal.id === m.id);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ kind: "failed_after_success", providerStatus: "failed", reason: expect.stringMatching(/005 Timeout error by bank/) });
  });

  it("an approve that times out leaves the payout unknown (funds held); the reconciliation job settles it from the fake's status answer", async () => {
    const m = await requested(bca);
    iris.script("approve", { kind: "hang", ms: 3_000 }); // approved at the fake, the answer lost
    const error = await errorOf(approveWithdrawal({ withdrawalId: m.id, actor: admin }));
    expect(error.code).toBe("CONFLICT");
    const unknown = await row(m.id);
    expect(unknown).toMatchObject({ status: "unknown", payoutRef: expect.any(String) });
    expect(iris.state.payouts.get(unknown.payoutRef!)?.status).toBe("completed");
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 897_500n, held: 102_500n });
    expect((await rest(statusRoute.GET, m.key, `/api/v1/withdraw/status?withdraw_id=${m.id}`)).json.status).toBe("pending");
    expect(await db.auditLog.count({ where: { targetId: m.id, action: "withdraw.payout_unknown" } })).toBe(1);

    // Not yet a minute old: not asked. Past it: asked, and settled from GET /payouts/{ref}.
    expect(await reconcilePayouts({ now: later(30_000) })).toBe(0);
    expect((await row(m.id)).status).toBe("unknown");
    const detailsBefore = iris.requests.filter((r) => r.method === "GET" && r.path.endsWith(`/payouts/${unknown.payoutRef}`)).length;
    expect(await reconcilePayouts({ now: later(MINUTE + 1_000) })).toBeGreaterThanOrEqual(1);
    expect(iris.requests.filter((r) => r.method === "GET" && r.path.endsWith(`/payouts/${unknown.payoutRef}`)).length).toBe(detailsBefore + 1);
    expect(await row(m.id)).toMatchObject({ status: "success", payoutCheckAt: null });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 897_500n, held: 0n });
    expect(await events(m.merchantId, "withdraw.success")).toHaveLength(1);
    // Settled: the admin's tool has nothing to do, the notification that follows changes nothing.
    expect((await errorOf(resolveUnknownPayout({ withdrawalId: m.id, paid: true, note: "double check", actor: admin }))).code).toBe("INVALID_STATE");
    expect(JSON.parse((await iris.notify(unknown.payoutRef!, undefined, { to: app.url })).responseBody).outcome).toBe("duplicate");
    expect(await posts(m.id)).toBe(1);
  });

  it("the job leaves a processed payout in flight (the admin's tool refuses it) and settles it once completed; racing its notification, once", async () => {
    const m = await requested(bca);
    iris.outcome({ status: "processed" });
    const ref = (await approveWithdrawal({ withdrawalId: m.id, actor: admin })).payoutRef!;
    expect(await reconcilePayouts({ now: later(MINUTE + 1_000) })).toBe(0);
    expect(await row(m.id)).toMatchObject({ status: "sending", payoutChecks: 1 });
    expect((await errorOf(resolveUnknownPayout({ withdrawalId: m.id, paid: true, note: "looks paid", actor: admin }))).code).toBe("INVALID_STATE");

    iris.setStatus(ref, "completed");
    // The next check (1 minute after the first) and the notification race: one settlement.
    const [job, delivered] = await Promise.all([reconcilePayouts({ now: later(2 * MINUTE + 2_000) }), iris.notify(ref, undefined, { to: app.url })]);
    expect(delivered.status).toBe(200);
    expect(job + (JSON.parse(delivered.responseBody).outcome === "settled" ? 1 : 0)).toBe(1);
    expect((await row(m.id)).status).toBe("success");
    expect(await posts(m.id)).toBe(1);
    expect(await events(m.merchantId, "withdraw.success")).toHaveLength(1);
  });

  it("a create that timed out after the fake recorded it is recovered by the idempotent re-create: no second payout at the fake", async () => {
    const m = await requested(bca);
    const payoutsBefore = iris.state.payouts.size;
    iris.script("create", { kind: "hang", ms: 3_000 }); // created at the fake, the answer lost
    expect((await errorOf(approveWithdrawal({ withdrawalId: m.id, actor: admin }))).code).toBe("CONFLICT");
    expect(await row(m.id)).toMatchObject({ status: "unknown", payoutRef: null });
    expect(iris.state.payouts.size).toBe(payoutsBefore + 1);
    const created = [...iris.state.payouts.values()].find((p) => p.notes === `Saldo withdrawal ${m.id}`)!;
    expect(created.status).toBe("queued");

    // First pass: the same create under the same key answers the same reference_no; then approved.
    await reconcilePayouts({ now: later(MINUTE + 1_000) });
    expect(createCalls(m.id)).toHaveLength(2);
    expect(createCalls(m.id)[1]!.rawBody).toBe(createCalls(m.id)[0]!.rawBody);
    expect(iris.state.payouts.size).toBe(payoutsBefore + 1);
    expect(await row(m.id)).toMatchObject({ status: "sending", payoutRef: created.reference_no });
    expect(iris.state.payouts.get(created.reference_no)?.status).toBe("completed");
    // Next pass: completed → success.
    await reconcilePayouts({ now: later(2 * MINUTE + 2_000) });
    expect((await row(m.id)).status).toBe("success");
    expect(iris.state.payouts.size).toBe(payoutsBefore + 1);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 897_500n, held: 0n });
  });

  it("a 5xx on create is unknown; a repeat refused with 401 (a rotated key) proves nothing; the job's re-create then makes the payout once", async () => {
    const m = await requested(gopay);
    iris.script("create", { kind: "http", status: 503 }); // not processed
    expect((await errorOf(approveWithdrawal({ withdrawalId: m.id, actor: admin }))).code).toBe("CONFLICT");
    expect(await row(m.id)).toMatchObject({ status: "unknown", payoutRef: null });
    expect([...iris.state.payouts.values()].filter((p) => p.notes === `Saldo withdrawal ${m.id}`)).toHaveLength(0);
    iris.script("create", { kind: "fail", status: 401, body: { error_message: "You are not authorized to perform this action" } });
    expect(await reconcilePayouts({ now: later(MINUTE + 1_000) })).toBe(0);
    expect(await row(m.id)).toMatchObject({ status: "unknown", payoutRef: null, payoutChecks: 1 });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 949_000n, held: 51_000n });
    await reconcilePayouts({ now: later(2 * MINUTE + 2_000) });
    expect((await row(m.id)).status).toBe("sending");
    await reconcilePayouts({ now: later(4 * MINUTE + 5_000) });
    expect([...iris.state.payouts.values()].filter((p) => p.notes === `Saldo withdrawal ${m.id}`)).toHaveLength(1);
    expect((await row(m.id)).status).toBe("success");
  });

  it("only what the provider cannot answer reaches the admin, audited once; a claim stuck in processing becomes unknown", async () => {
    const m = await requested(bca);
    iris.script("approve", { kind: "hang", ms: 3_000 });
    await errorOf(approveWithdrawal({ withdrawalId: m.id, actor: admin }));
    const { payoutRef } = await row(m.id);
    iris.state.payouts.delete(payoutRef!); // Midtrans does not know it (404)
    await reconcilePayouts({ now: later(MINUTE + 1_000) });
    expect(await row(m.id)).toMatchObject({ status: "unknown", payoutCheckAt: null });
    await reconcilePayouts({ now: later(10 * MINUTE) });
    expect(await db.auditLog.count({ where: { targetId: m.id, action: "withdraw.payout_needs_admin" } })).toBe(1);
    const resolved = await resolveUnknownPayout({ withdrawalId: m.id, paid: false, note: "Not in the Payouts dashboard", actor: admin });
    expect(resolved).toMatchObject({ status: "rejected", adminNote: "Not in the Payouts dashboard" });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 1_000_000n, held: 0n });

    // A claim that never reached `sending` (a crash right after it): refused while fresh, the admin's after the grace period.
    const stuck = await requested(bca);
    await db.withdrawal.update({ where: { id: stuck.id }, data: { status: "processing" } });
    const fresh = await errorOf(resolveUnknownPayout({ withdrawalId: stuck.id, paid: true, note: "guess", actor: admin }));
    expect(fresh.code).toBe("INVALID_STATE");
    expect(fresh.message).toMatch(/status: processing/);
    await reconcilePayouts({ now: later(MINUTE + 1_000) });
    expect(await row(stuck.id)).toMatchObject({ status: "unknown", payoutCheckAt: null });
    expect(await db.auditLog.count({ where: { targetId: stuck.id, action: "withdraw.payout_needs_admin" } })).toBe(1);
    expect(createCalls(stuck.id)).toHaveLength(0);
  });

  it("a create Midtrans refuses rejects the withdrawal with its reason; dana (no documented code) is not offered", async () => {
    const m = await requested(bca);
    iris.script("create", { kind: "fail", status: 400, body: { error_message: "An error occurred when creating payouts", errors: ["payouts[0].beneficiary_account is invalid"] } });
    const rejected = await approveWithdrawal({ withdrawalId: m.id, actor: admin });
    expect(rejected.status).toBe("rejected");
    expect(rejected.adminNote).toMatch(/An error occurred when creating payouts; payouts\[0\]\.beneficiary_account is invalid/);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 1_000_000n, held: 0n });

    const key = await createKey(m.merchantId);
    const dana = await rest(withdrawRoute.POST, key, "/api/v1/withdraw", { amount: 20_000, accountNumber: "081234567890", accountName: "John Doe", method: "dana" });
    expect(dana.status).toBe(400);
    expect(dana.json).toMatchObject({ success: false, code: "VALIDATION", error: expect.stringMatching(/DANA is not available/) });
    expect((await errorOf(requestWithdrawal({ merchantId: m.merchantId, amount: 20_000, method: "shopeepay", accountNumber: "081234567890", accountName: "John Doe", actor: admin }))).code).toBe("VALIDATION");
  });

  it("health check: both keys answer GET /balance; the ledger stays consistent", async () => {
    expect(await payoutProvider().healthCheck!()).toMatch(/creator key ok .*approver key ok .*merchant key set/);
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });
});
