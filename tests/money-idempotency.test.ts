// Issue 13, money paths: 12 (idempotency after a failure), 13 (portal double-submit), 18 (unique-code
// exhaustion) and the idempotency purge of 19 — through the real REST route handlers and tRPC
// procedures, against a real database (SQLite, and PostgreSQL with TEST_POSTGRES_URL).
import { randomUUID } from "node:crypto";
import type { Session } from "next-auth";
import { describe, expect, it, vi } from "vitest";

// A failure injected into the response shaping, i.e. after the business transaction committed:
// `failNext.*` > 0 makes the next call(s) of the view throw.
const failNext = vi.hoisted(() => ({ withdrawal: 0, topup: 0 }));
vi.mock("@/server/withdrawals/views", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/server/withdrawals/views")>();
  return {
    ...actual,
    publicStatus: (status: string) => {
      if (failNext.withdrawal > 0) {
        failNext.withdrawal--;
        throw new Error("injected: response shaping failed after the commit");
      }
      return actual.publicStatus(status);
    },
  };
});
vi.mock("@/server/deposits/views", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/server/deposits/views")>();
  return {
    ...actual,
    topupView: (...args: Parameters<typeof actual.topupView>) => {
      if (failNext.topup > 0) {
        failNext.topup--;
        throw new Error("injected: response shaping failed after the commit");
      }
      return actual.topupView(...args);
    },
  };
});

const withdrawRoute = await import("@/app/api/v1/withdraw/route");
const ticketRoute = await import("@/app/api/v1/topup/ticket/route");
const { db, engine } = await import("@/server/db");
const { idempotencyEnv, ticketEnv } = await import("@/server/env");
const { balanceOf, verifyInvariants } = await import("@/server/ledger");
const { createDeposit } = await import("@/server/deposits/create-deposit");
const { cancelDeposit } = await import("@/server/deposits/cancel-deposit");
const { purgeIdempotencyRecords, requestHashOf } = await import("@/server/http/idempotency");
const { createCaller } = await import("@/server/trpc/root");
const { requestWithdrawal } = await import("@/server/withdrawals/request-withdrawal");
const { createKey, createMerchant, enrolTwoFactor, fund } = await import("./helpers/fixtures");

type Json = Record<string, unknown>;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const WITHDRAW_URL = "http://localhost/api/v1/withdraw";
const TICKET_URL = "http://localhost/api/v1/topup/ticket";
const withdrawBody = { amount: 100_000, accountNumber: "081234567890", accountName: "John Doe" };

function request(url: string, key: string, body: unknown, idempotencyKey?: string) {
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}`, ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}) },
    body: JSON.stringify(body),
  });
}

async function send(handler: Handler, req: Request) {
  const res = await handler(req, { params: Promise.resolve({}) });
  const text = await res.text();
  return { status: res.status, replayed: res.headers.get("idempotent-replayed") === "true", json: (text ? JSON.parse(text) : null) as Json };
}

const postWithdraw = (key: string, body: unknown, idempotencyKey?: string) => send(withdrawRoute.POST, request(WITHDRAW_URL, key, body, idempotencyKey));
const postTicket = (key: string, body: unknown, idempotencyKey?: string) => send(ticketRoute.POST, request(TICKET_URL, key, body, idempotencyKey));

async function merchantWithKey(balance = 1_000_000) {
  const m = await createMerchant();
  if (balance) await fund(m.merchantId, balance);
  return { ...m, key: await createKey(m.merchantId) };
}

function merchantCaller(m: { userId: string; email: string; merchantId: string }) {
  const session = { user: { id: m.userId, email: m.email, name: "Toko", role: "MERCHANT", merchantId: m.merchantId, locale: "en" }, expires: new Date(Date.now() + 3_600_000).toISOString() } as Session;
  return createCaller({ session, ip: "203.0.113.40" });
}

/** A claim row as a process leaves it when it dies mid-request: no answer, held until `lockedUntil`. */
async function leaveClaim(merchantId: string, key: string, req: Request, body: unknown, lockedUntil: Date) {
  await db.idempotencyRecord.create({ data: { merchantId, key, requestHash: requestHashOf(req, JSON.stringify(body)), lockedUntil } });
}

describe(`13.12 idempotency after a failure on ${engine}`, () => {
  it("13.12 a 5xx after the withdrawal committed: the retry with the same Idempotency-Key answers that withdrawal, never a second", async () => {
    const m = await merchantWithKey(1_000_000);
    failNext.withdrawal = 1;
    const failed = await postWithdraw(m.key, withdrawBody, "wd-after-commit");
    expect(failed.status).toBe(500);
    expect(failed.json).toMatchObject({ success: false, code: "INTERNAL" });
    // The business transaction did commit: one withdrawal, carrying the key, its funds reserved.
    const made = await db.withdrawal.findMany({ where: { merchantId: m.merchantId } });
    expect(made).toHaveLength(1);
    expect(made[0]!.idempotencyKey).toBe("wd-after-commit");

    const retry = await postWithdraw(m.key, withdrawBody, "wd-after-commit");
    expect(retry.status).toBe(200);
    expect(retry.replayed).toBe(false);
    // The same shape as a first answer, for the withdrawal the failed request made.
    expect(retry.json).toEqual({
      success: true,
      message: "Permintaan penarikan berhasil diajukan",
      withdraw_id: made[0]!.id,
      amount: 100_000,
      fee: 1_000,
      total_deduct: 101_000,
      new_balance: 899_000,
      status: "pending",
      created_at: made[0]!.createdAt.toISOString(),
    });
    const again = await postWithdraw(m.key, withdrawBody, "wd-after-commit");
    expect(again).toMatchObject({ status: 200, replayed: true, json: retry.json });

    expect(await db.withdrawal.count({ where: { merchantId: m.merchantId } })).toBe(1);
    expect(await db.ledgerHold.count({ where: { merchantId: m.merchantId } })).toBe(1);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 899_000n, held: 101_000n });
    expect((await verifyInvariants(db)).ok).toBe(true);
  });

  it("13.12 the same for a bank-transfer ticket: a 5xx after the commit, the retry answers the one ticket", async () => {
    const m = await merchantWithKey(0);
    failNext.topup = 1;
    expect((await postTicket(m.key, { amount: 75_000 }, "ticket-after-commit")).status).toBe(500);
    const retry = await postTicket(m.key, { amount: 75_000 }, "ticket-after-commit");
    expect(retry.status).toBe(200);
    const tickets = await db.deposit.findMany({ where: { merchantId: m.merchantId } });
    expect(tickets).toHaveLength(1);
    expect(retry.json).toMatchObject({ success: true, id: tickets[0]!.id, total: Number(tickets[0]!.total) });
  });

  it("13.12 an in-progress claim left by a crashed process is taken over once it lapses; a live one is 409", async () => {
    const m = await merchantWithKey(1_000_000);
    // Crashed before its business transaction: the retry after the claim lapsed makes the withdrawal.
    await leaveClaim(m.merchantId, "crashed-before", request(WITHDRAW_URL, m.key, withdrawBody), withdrawBody, new Date(Date.now() - 1000));
    const taken = await postWithdraw(m.key, withdrawBody, "crashed-before");
    expect(taken.status).toBe(200);
    expect(await db.withdrawal.count({ where: { merchantId: m.merchantId } })).toBe(1);

    // Crashed after it committed: the retry finds the withdrawal by its key and answers it.
    const body = { ...withdrawBody, amount: 50_000 };
    const committed = await requestWithdrawal({ merchantId: m.merchantId, ...body, actor: { type: "API_KEY", id: "crashed" }, idempotencyKey: "crashed-after" });
    await leaveClaim(m.merchantId, "crashed-after", request(WITHDRAW_URL, m.key, body), body, new Date(Date.now() - 1000));
    const found = await postWithdraw(m.key, body, "crashed-after");
    expect(found.status).toBe(200);
    expect(found.json.withdraw_id).toBe(committed.withdrawal.id);
    expect(await db.withdrawal.count({ where: { merchantId: m.merchantId } })).toBe(2);

    // A claim still held (its process is running it): 409, nothing made.
    await leaveClaim(m.merchantId, "still-running", request(WITHDRAW_URL, m.key, withdrawBody), withdrawBody, new Date(Date.now() + idempotencyEnv.IDEMPOTENCY_CLAIM_SECONDS * 1000));
    const busy = await postWithdraw(m.key, withdrawBody, "still-running");
    expect(busy.status).toBe(409);
    expect(busy.json).toMatchObject({ success: false, code: "CONFLICT" });
    expect(await db.withdrawal.count({ where: { merchantId: m.merchantId } })).toBe(2);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 1_000_000n - 101_000n - 51_000n, held: 152_000n });
  });

  it("13.12 ten retries racing for a lapsed claim: one withdrawal, every 200 names it", async () => {
    const m = await merchantWithKey(1_000_000);
    await leaveClaim(m.merchantId, "race-lapsed", request(WITHDRAW_URL, m.key, withdrawBody), withdrawBody, new Date(Date.now() - 1000));
    const answers = await Promise.all(Array.from({ length: 10 }, () => postWithdraw(m.key, withdrawBody, "race-lapsed")));
    for (const a of answers) expect([200, 409]).toContain(a.status);
    const ids = new Set(answers.filter((a) => a.status === 200).map((a) => a.json.withdraw_id));
    expect(ids.size).toBe(1);
    expect(await db.withdrawal.count({ where: { merchantId: m.merchantId } })).toBe(1);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 899_000n, held: 101_000n });
  });

  it("13.12 once the record is gone (purged), the key still belongs to its withdrawal: same body answers it, another body is 409", async () => {
    const m = await merchantWithKey(1_000_000);
    const first = await postWithdraw(m.key, withdrawBody, "kept-on-row");
    expect(first.status).toBe(200);
    await db.idempotencyRecord.deleteMany({ where: { merchantId: m.merchantId } });
    const other = await postWithdraw(m.key, { ...withdrawBody, amount: 40_000 }, "kept-on-row");
    expect(other.status).toBe(409);
    expect(other.json).toMatchObject({ success: false, code: "CONFLICT" });
    const same = await postWithdraw(m.key, withdrawBody, "kept-on-row");
    expect(same.status).toBe(200);
    expect(same.json.withdraw_id).toBe(first.json.withdraw_id);
    expect(await db.withdrawal.count({ where: { merchantId: m.merchantId } })).toBe(1);
  });

  it("13.19 idempotency records are purged after IDEMPOTENCY_RETENTION_HOURS (24 h) by a worker job", async () => {
    const m = await createMerchant();
    const hours = (h: number) => new Date(Date.now() - h * 3600_000);
    await db.idempotencyRecord.createMany({
      data: [
        { merchantId: m.merchantId, key: "old", requestHash: "x", responseStatus: 200, responseBody: "{}", createdAt: hours(idempotencyEnv.IDEMPOTENCY_RETENTION_HOURS + 1) },
        { merchantId: m.merchantId, key: "fresh", requestHash: "x", responseStatus: 200, responseBody: "{}", createdAt: hours(idempotencyEnv.IDEMPOTENCY_RETENTION_HOURS - 1) },
      ],
    });
    expect(idempotencyEnv.IDEMPOTENCY_RETENTION_HOURS).toBe(24);
    expect(await purgeIdempotencyRecords()).toBeGreaterThanOrEqual(1);
    expect((await db.idempotencyRecord.findMany({ where: { merchantId: m.merchantId } })).map((r) => r.key)).toEqual(["fresh"]);
    const { JOBS } = await import("@/server/jobs/worker");
    expect(JOBS.find((j) => j.name === "purge-idempotency")?.everyMs).toBe(idempotencyEnv.IDEMPOTENCY_PURGE_MINUTES * 60_000);
  });
});

describe(`13.13 portal double-submit on ${engine}`, () => {
  it("13.13 two concurrent withdrawal requests with the same form key: one withdrawal, both answers equal", async () => {
    const m = await createMerchant();
    await fund(m.merchantId, 500_000);
    await enrolTwoFactor(m.userId); // a portal withdrawal needs two-factor
    const caller = merchantCaller(m);
    const input = { amount: 100_000n, method: "dana" as const, accountNumber: "081234567890", accountName: "John Doe", idempotencyKey: randomUUID() };
    const [a, b] = await Promise.all([caller.withdrawals.request(input), caller.withdrawals.request(input)]);
    expect(a).toEqual(b);
    expect(await db.withdrawal.count({ where: { merchantId: m.merchantId } })).toBe(1);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 399_000n, held: 101_000n });
    // A retry later (the answer was lost) answers the same; a new form key is a new withdrawal.
    expect(await caller.withdrawals.request(input)).toEqual(a);
    await caller.withdrawals.request({ ...input, idempotencyKey: randomUUID() });
    expect(await db.withdrawal.count({ where: { merchantId: m.merchantId } })).toBe(2);
  });

  it("13.13 the form key is required, and the same key with other details is refused", async () => {
    const m = await createMerchant();
    await fund(m.merchantId, 500_000);
    await enrolTwoFactor(m.userId); // a portal withdrawal needs two-factor
    const caller = merchantCaller(m);
    const input = { amount: 100_000n, method: "dana" as const, accountNumber: "081234567890", accountName: "John Doe" };
    await expect(caller.withdrawals.request(input as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const idempotencyKey = randomUUID();
    await caller.withdrawals.request({ ...input, idempotencyKey });
    await expect(caller.withdrawals.request({ ...input, amount: 90_000n, idempotencyKey })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.withdrawal.count({ where: { merchantId: m.merchantId } })).toBe(1);
  });

  it("13.13 deposits.create (ticket, VA, QRIS) twice at once with one form key opens one deposit each", async () => {
    const m = await createMerchant();
    const caller = merchantCaller(m);
    for (const method of ["BANK_TRANSFER", "VA_BNI", "QRIS"] as const) {
      const input = { method, amount: 50_000n, idempotencyKey: randomUUID() };
      const [a, b] = await Promise.all([caller.deposits.create(input), caller.deposits.create(input)]);
      expect(a.id).toBe(b.id);
      expect(b).toMatchObject({ total: a.total, vaNumber: a.vaNumber, qrisPayload: a.qrisPayload });
      expect(await db.deposit.count({ where: { merchantId: m.merchantId, method } })).toBe(1);
    }
  });

  it("13.13 the sandbox settlement simulation posts once per form key", async () => {
    const m = await createMerchant();
    const caller = merchantCaller(m);
    const input = { amount: 250_000n, idempotencyKey: randomUUID() };
    await Promise.all([caller.treasury.simulateSettlement(input), caller.treasury.simulateSettlement(input)]);
    await caller.treasury.simulateSettlement(input);
    const settlement = await db.ledgerAccount.findFirstOrThrow({ where: { merchantId: m.merchantId, type: "MERCHANT_SETTLEMENT" } });
    expect(settlement.balance).toBe(250_000n);
    await caller.treasury.simulateSettlement({ ...input, idempotencyKey: randomUUID() });
    expect((await db.ledgerAccount.findUniqueOrThrow({ where: { id: settlement.id } })).balance).toBe(500_000n);
  });
});

describe(`13.18 unique-code exhaustion on ${engine}`, () => {
  const actor = { type: "SYSTEM" as const };

  it("13.18 one merchant may hold at most TICKET_MAX_OPEN_PER_AMOUNT open tickets of one amount (409, both languages); others and other amounts are unaffected", async () => {
    const m = await merchantWithKey(0);
    const perAmount = ticketEnv.TICKET_MAX_OPEN_PER_AMOUNT;
    expect(perAmount).toBe(5);
    const made = [];
    for (let i = 0; i < perAmount; i++) made.push(await postTicket(m.key, { amount: 100_000 }));
    expect(made.map((r) => r.status)).toEqual(Array(perAmount).fill(200));
    const refused = await postTicket(m.key, { amount: 100_000 });
    expect(refused.status).toBe(409);
    expect(refused.json).toEqual({
      success: false,
      code: "CONFLICT",
      error: "Sudah ada 5 tiket terbuka untuk nominal Rp 100.000 (batas); bayar atau batalkan salah satu, atau pakai nominal lain / 5 tickets for Rp 100.000 are already open (the limit); pay or cancel one, or use another amount",
    });
    expect((await postTicket(m.key, { amount: 100_001 })).status).toBe(200);
    const other = await merchantWithKey(0);
    expect((await postTicket(other.key, { amount: 100_000 })).status).toBe(200);
    // Closing one frees its place.
    await cancelDeposit(m.merchantId, String(made[0]!.json.id), actor);
    expect((await postTicket(m.key, { amount: 100_000 })).status).toBe(200);
  });

  it("13.18 concurrent requests cannot overshoot the per-amount cap", async () => {
    const { merchantId } = await createMerchant();
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => createDeposit({ merchantId, method: "BANK_TRANSFER", amount: 60_000, actor })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(ticketEnv.TICKET_MAX_OPEN_PER_AMOUNT);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    expect(await db.deposit.count({ where: { merchantId, openKey: { not: null } } })).toBe(ticketEnv.TICKET_MAX_OPEN_PER_AMOUNT);
  });

  it("13.18 one merchant may hold at most TICKET_MAX_OPEN_PER_MERCHANT open tickets in all", async () => {
    const { merchantId } = await createMerchant();
    const perMerchant = ticketEnv.TICKET_MAX_OPEN_PER_MERCHANT;
    expect(perMerchant).toBe(50);
    for (let i = 0; i < perMerchant; i++) await createDeposit({ merchantId, method: "BANK_TRANSFER", amount: 20_000 + i, actor });
    await expect(createDeposit({ merchantId, method: "BANK_TRANSFER", amount: 99_999, actor })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Sudah ada 50 tiket transfer bank yang terbuka (batas); bayar atau batalkan salah satu dulu / 50 bank-transfer tickets are already open (the limit); pay or cancel one first",
    });
    // VA and QRIS top-ups hold no unique code and are not capped by it.
    expect((await createDeposit({ merchantId, method: "QRIS", amount: 99_999, actor })).status).toBe("pending");
    // A ticket whose time ran out no longer counts, even before the worker closes it.
    const { merchantId: other } = await createMerchant();
    for (let i = 0; i < perMerchant; i++) await createDeposit({ merchantId: other, method: "BANK_TRANSFER", amount: 30_000 + i, actor, now: new Date(Date.now() - 2 * 24 * 3600_000) });
    expect((await createDeposit({ merchantId: other, method: "BANK_TRANSFER", amount: 30_000, actor })).status).toBe("pending");
  });
});
