// The withdraw endpoints (seed 003), called through their route handlers with real Requests
// and a real database: authentication, ownership, bad input, exact field names, paging edges.
import { describe, expect, it } from "vitest";
import * as withdraw from "@/app/api/v1/withdraw/route";
import * as history from "@/app/api/v1/withdraw/history/route";
import * as status from "@/app/api/v1/withdraw/status/route";
import { db } from "@/server/db";
import { balanceOf, verifyInvariants } from "@/server/ledger";
import { approveWithdrawal } from "@/server/withdrawals/approve-withdrawal";
import { rejectWithdrawal } from "@/server/withdrawals/reject-withdrawal";
import { createKey, createMerchant, fund } from "./helpers/fixtures";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Call = { handler: Handler; method: "GET" | "POST"; path: string; body?: unknown; headers?: Record<string, string> };
type Json = Record<string, any>;

async function call({ handler, method, path, body, headers = {} }: Call) {
  const req = new Request(`http://localhost${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve({}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Json) : null };
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const admin = { type: "USER" as const, id: "admin-rest-test" };

function expectEnvelope(res: { status: number; json: Json | null }, httpStatus: number, code?: string) {
  expect(res.status).toBe(httpStatus);
  expect(res.json).toMatchObject({ success: false, error: expect.any(String) });
  expect(res.json!.error).not.toMatch(/at .*\.ts|Error:|prisma|nonoptional/i);
  if (code) expect(res.json!.code).toBe(code);
}

const REQUEST_FIELDS = ["amount", "created_at", "fee", "message", "new_balance", "status", "success", "total_deduct", "withdraw_id"];
const VIEW_FIELDS = ["account_name", "account_number", "admin_note", "amount", "created_at", "fee", "method", "processed_at", "status", "total_deduct", "withdraw_id"];

async function merchantWithKey(balance = 1_000_000) {
  const m = await createMerchant();
  if (balance) await fund(m.merchantId, balance);
  return { ...m, key: await createKey(m.merchantId) };
}

const post = (key: string, body: unknown, headers: Record<string, string> = {}) =>
  call({ handler: withdraw.POST, method: "POST", path: "/api/v1/withdraw", body, headers: { ...bearer(key), ...headers } });

describe("REST v1 withdrawals", () => {
  it("answers 401 on every withdraw endpoint without a key or with a wrong one, and reserves nothing", async () => {
    const calls: Call[] = [
      { handler: withdraw.POST, method: "POST", path: "/api/v1/withdraw", body: { amount: 50_000, accountNumber: "081234567890", accountName: "John Doe" } },
      { handler: status.GET, method: "GET", path: "/api/v1/withdraw/status?withdraw_id=x" },
      { handler: history.GET, method: "GET", path: "/api/v1/withdraw/history" },
    ];
    for (const c of calls) {
      expectEnvelope(await call(c), 401, "UNAUTHORIZED");
      expectEnvelope(await call({ ...c, headers: bearer("sk_test_wrong") }), 401, "UNAUTHORIZED");
      expectEnvelope(await call({ ...c, headers: { "x-api-key": "sk_test_wrong" } }), 401, "UNAUTHORIZED");
    }
    expect(await db.withdrawal.count()).toBe(0);
  });

  it("creates a withdrawal with seed 003's exact fields; status shows it the way the seed does", async () => {
    const m = await merchantWithKey(1_000_000);
    const res = await post(m.key, { amount: 100_000, accountNumber: "081234567890", accountName: "John Doe" });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json!).sort()).toEqual(REQUEST_FIELDS);
    expect(res.json).toEqual({
      success: true,
      message: "Permintaan penarikan berhasil diajukan",
      withdraw_id: expect.stringMatching(/^[0-9a-f]{24}$/),
      amount: 100_000,
      fee: 1_000,
      total_deduct: 101_000,
      new_balance: 899_000,
      status: "pending",
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 899_000n, held: 101_000n });

    const id = res.json!.withdraw_id as string;
    const viaApiKeyQuery = await call({ handler: status.GET, method: "GET", path: `/api/v1/withdraw/status?withdraw_id=${id}&apikey=${m.key}` });
    expect(viaApiKeyQuery.status).toBe(200);
    expect(Object.keys(viaApiKeyQuery.json!).sort()).toEqual(["success", ...VIEW_FIELDS].sort());
    expect(viaApiKeyQuery.json).toEqual({
      success: true,
      withdraw_id: id,
      amount: 100_000,
      fee: 1_000,
      total_deduct: 101_000,
      status: "pending",
      method: "dana",
      account_number: "081234567890",
      account_name: "John Doe",
      admin_note: null,
      created_at: res.json!.created_at,
      processed_at: null,
    });

    await approveWithdrawal({ withdrawalId: id, actor: admin });
    const approved = await call({ handler: status.GET, method: "GET", path: `/api/v1/withdraw/status?withdraw_id=${id}`, headers: bearer(m.key) });
    expect(approved.json).toMatchObject({ status: "success", admin_note: null, processed_at: expect.stringMatching(/Z$/) });
  });

  it("takes a method and its account format; the fee follows the method", async () => {
    const m = await merchantWithKey(1_000_000);
    const bank = await post(m.key, { amount: 50_000, accountNumber: "1234567890", accountName: "PT Maju", method: "bca" });
    expect(bank.status).toBe(200);
    expect(bank.json).toMatchObject({ fee: 2_500, total_deduct: 52_500, new_balance: 947_500 });
    const wallet = await post(m.key, { amount: "20000", accountNumber: "6281234567890", accountName: "Siti", method: "ShopeePay" });
    expect(wallet.json).toMatchObject({ fee: 1_500, total_deduct: 21_500 });
    const shown = await call({ handler: status.GET, method: "GET", path: `/api/v1/withdraw/status?withdraw_id=${wallet.json!.withdraw_id}`, headers: bearer(m.key) });
    expect(shown.json).toMatchObject({ method: "shopeepay", account_number: "6281234567890", account_name: "Siti" });
  });

  it("refuses bad input with 400 and the envelope, never 500, and reserves nothing", async () => {
    const m = await merchantWithKey(100_000_000);
    const good = { amount: 50_000, accountNumber: "081234567890", accountName: "John Doe" };
    const bad: [string, unknown][] = [
      ["amount 0", { ...good, amount: 0 }],
      ["negative", { ...good, amount: -50_000 }],
      ["negative string", { ...good, amount: "-50000" }],
      ["decimal", { ...good, amount: 50_000.5 }],
      ["decimal string", { ...good, amount: "50000.50" }],
      ["text", { ...good, amount: "lima puluh ribu" }],
      ["exponent", { ...good, amount: "5e4" }],
      ["missing amount", { accountNumber: good.accountNumber, accountName: good.accountName }],
      ["null amount", { ...good, amount: null }],
      ["object amount", { ...good, amount: { value: 1 } }],
      ["below minimum", { ...good, amount: 9_999 }],
      ["above maximum", { ...good, amount: 50_000_001 }],
      ["huge", { ...good, amount: 10 ** 15 }],
      ["e-wallet not a mobile number", { ...good, accountNumber: "021234567890" }],
      ["e-wallet too short", { ...good, accountNumber: "0812345" }],
      ["e-wallet letters", { ...good, accountNumber: "08123456789a" }],
      ["BCA wrong length", { ...good, method: "bca", accountNumber: "12345678901" }],
      ["BRI wrong length", { ...good, method: "bri", accountNumber: "1234567890" }],
      ["Mandiri letters", { ...good, method: "mandiri", accountNumber: "12345678901ab" }],
      ["missing account number", { amount: good.amount, accountName: good.accountName }],
      ["missing name", { amount: good.amount, accountNumber: good.accountNumber }],
      ["empty name", { ...good, accountName: "   " }],
      ["one-letter name", { ...good, accountName: "J" }],
      ["name too long", { ...good, accountName: "x".repeat(101) }],
      ["unknown method", { ...good, method: "paypal" }],
      ["method not a string", { ...good, method: 7 }],
      ["not JSON", "{amount:"],
      ["JSON array", [good]],
    ];
    for (const [label, body] of bad) {
      const res = await post(m.key, body);
      expect(res.status, label).toBe(400);
      expectEnvelope(res, 400, "VALIDATION");
    }
    expect(await db.withdrawal.count({ where: { merchantId: m.merchantId } })).toBe(0);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 100_000_000n, held: 0n });
  });

  it("refuses more than the available balance with 400 INSUFFICIENT_FUNDS and reserves nothing", async () => {
    const m = await merchantWithKey(50_000);
    const res = await post(m.key, { amount: 49_001, accountNumber: "081234567890", accountName: "John Doe" });
    expectEnvelope(res, 400, "INSUFFICIENT_FUNDS");
    expect(res.json!.error).toMatch(/Saldo tidak cukup/);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 50_000n, held: 0n });
  });

  it("100 concurrent requests against 550.000: 50 answered 200, 50 answered 400, available 0", async () => {
    const m = await merchantWithKey(550_000);
    const body = { amount: 10_000, accountNumber: "081234567890", accountName: "John Doe" };
    const results = await Promise.all(Array.from({ length: 100 }, () => post(m.key, body)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect(statuses.filter((s) => s === 400)).toHaveLength(50);
    for (const r of results.filter((x) => x.status === 400)) expectEnvelope(r, 400, "INSUFFICIENT_FUNDS");
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 0n, held: 550_000n });
    expect(Math.min(...results.filter((r) => r.status === 200).map((r) => r.json!.new_balance as number))).toBe(0);
  });

  it("honours Idempotency-Key: a repeat returns the first answer and reserves once; another body is 409", async () => {
    const m = await merchantWithKey(200_000);
    const body = { amount: 30_000, accountNumber: "081234567890", accountName: "John Doe" };
    const first = await post(m.key, body, { "idempotency-key": "wd-1001" });
    const again = await post(m.key, body, { "idempotency-key": "wd-1001" });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.withdrawal.count({ where: { merchantId: m.merchantId } })).toBe(1);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 169_000n, held: 31_000n });
    expectEnvelope(await post(m.key, { ...body, amount: 40_000 }, { "idempotency-key": "wd-1001" }), 409, "CONFLICT");
  });

  it("status: 404 for another merchant's or an unknown withdraw_id, 400 without one; shows a rejection's note", async () => {
    const owner = await merchantWithKey(100_000);
    const other = await merchantWithKey(100_000);
    const created = await post(owner.key, { amount: 20_000, accountNumber: "081234567890", accountName: "John Doe" });
    const id = created.json!.withdraw_id as string;

    const theirs = await call({ handler: status.GET, method: "GET", path: `/api/v1/withdraw/status?withdraw_id=${id}`, headers: bearer(other.key) });
    expectEnvelope(theirs, 404, "NOT_FOUND");
    expect(JSON.stringify(theirs.json)).not.toContain("20000");
    expectEnvelope(await call({ handler: status.GET, method: "GET", path: "/api/v1/withdraw/status?withdraw_id=ffffffffffffffffffffffff", headers: bearer(owner.key) }), 404, "NOT_FOUND");
    expectEnvelope(await call({ handler: status.GET, method: "GET", path: "/api/v1/withdraw/status", headers: bearer(owner.key) }), 400, "VALIDATION");
    expectEnvelope(await call({ handler: status.GET, method: "GET", path: "/api/v1/withdraw/status?withdraw_id=", headers: bearer(owner.key) }), 400, "VALIDATION");
    expectEnvelope(await call({ handler: status.GET, method: "GET", path: `/api/v1/withdraw/status?withdraw_id=${"a".repeat(65)}`, headers: bearer(owner.key) }), 400, "VALIDATION");

    await rejectWithdrawal({ withdrawalId: id, note: "Nama pemilik rekening berbeda", actor: admin });
    const rejected = await call({ handler: status.GET, method: "GET", path: `/api/v1/withdraw/status?withdraw_id=${id}`, headers: bearer(owner.key) });
    expect(rejected.json).toMatchObject({ status: "rejected", admin_note: "Nama pemilik rekening berbeda", processed_at: expect.any(String) });
    expect(await balanceOf(db, owner.merchantId)).toEqual({ available: 100_000n, held: 0n });
  });

  it("history: seed fields and pagination object, newest first, status filter, only the caller's own", async () => {
    const m = await merchantWithKey(1_000_000);
    const other = await merchantWithKey(100_000);
    await post(other.key, { amount: 10_000, accountNumber: "081234567890", accountName: "Other" });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await post(m.key, { amount: 10_000 + i, accountNumber: "081234567890", accountName: "John Doe" })).json!.withdraw_id as string);
    }
    await approveWithdrawal({ withdrawalId: ids[0]!, actor: admin });
    await rejectWithdrawal({ withdrawalId: ids[1]!, note: "Ditolak admin", actor: admin });

    const get = (query: string, key = m.key) => call({ handler: history.GET, method: "GET", path: `/api/v1/withdraw/history${query}`, headers: bearer(key) });
    const all = await get("");
    expect(all.status).toBe(200);
    expect(Object.keys(all.json!).sort()).toEqual(["data", "pagination", "success"]);
    expect(all.json!.pagination).toEqual({ page: 1, limit: 10, total: 5, total_pages: 1 });
    expect(all.json!.data.map((w: Json) => w.withdraw_id)).toEqual([...ids].reverse());
    for (const row of all.json!.data as Json[]) expect(Object.keys(row).sort()).toEqual(VIEW_FIELDS);

    const page2 = await get("?page=2&limit=2");
    expect(page2.json!.pagination).toEqual({ page: 2, limit: 2, total: 5, total_pages: 3 });
    expect(page2.json!.data.map((w: Json) => w.withdraw_id)).toEqual([ids[2], ids[1]]);

    const success = await get("?status=success");
    expect(success.json!.data.map((w: Json) => w.withdraw_id)).toEqual([ids[0]]);
    expect(success.json!.data[0]).toMatchObject({ status: "success", processed_at: expect.any(String), admin_note: null });
    const rejected = await get("?status=rejected");
    expect(rejected.json!.data[0]).toMatchObject({ withdraw_id: ids[1], admin_note: "Ditolak admin" });
    expect((await get("?status=pending")).json!.pagination.total).toBe(3);

    const theirs = await get("", other.key);
    expect(theirs.json!.pagination.total).toBe(1);
    expect(theirs.json!.data.map((w: Json) => w.withdraw_id)).not.toContain(ids[0]);
  });

  it("history paging edges: page 0 / limit 0 / limit > 100 / junk → 400; past the end → empty data; limit 100 is fine", async () => {
    const m = await merchantWithKey(100_000);
    await post(m.key, { amount: 10_000, accountNumber: "081234567890", accountName: "John Doe" });
    await post(m.key, { amount: 10_000, accountNumber: "081234567890", accountName: "John Doe" });
    const get = (query: string) => call({ handler: history.GET, method: "GET", path: `/api/v1/withdraw/history${query}`, headers: bearer(m.key) });

    for (const query of ["?page=0", "?page=-1", "?page=1.5", "?page=abc", "?limit=0", "?limit=101", "?limit=1000", "?limit=-5", "?limit=ten", "?status=done", "?status=processing"]) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expectEnvelope(res, 400, "VALIDATION");
    }
    const past = await get("?page=99&limit=10");
    expect(past.status).toBe(200);
    expect(past.json).toEqual({ success: true, data: [], pagination: { page: 99, limit: 10, total: 2, total_pages: 1 } });
    const max = await get("?limit=100");
    expect(max.json!.pagination).toEqual({ page: 1, limit: 100, total: 2, total_pages: 1 });
    const none = await get("?status=success");
    expect(none.json).toEqual({ success: true, data: [], pagination: { page: 1, limit: 10, total: 0, total_pages: 0 } });
  });

  it("leaves the ledger consistent", async () => {
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });
});
