// Issue 13, item 19 (part) — scale hygiene: the hot queries have their indexes on both engines,
// the ledger history (tRPC wallet.history, merchants.ledger) and statements page by keyset (a
// cursor after the last entry seen) so entries posted between two reads neither repeat nor get
// lost, and the worker purges sign-in counters (RateLimitBucket) long past their window.
import type { Session } from "next-auth";
import { describe, expect, it } from "vitest";
import { createMerchant, enrolTwoFactor, fund } from "./helpers/fixtures";
import { db, engine, transaction } from "@/server/db";
import { purgeRateLimitBuckets } from "@/server/http/purge-rate-limit-buckets";
import { walletHistory } from "@/server/ledger";
import { walletStatement } from "@/server/treasury/statements";
import { createCaller } from "@/server/trpc/root";
import { formatWibSql } from "@/lib/format";

const farFuture = () => new Date(Date.now() + 3_600_000).toISOString();
const today = () => formatWibSql(new Date()).slice(0, 10);

async function merchantWithEntries(count: number) {
  const m = await createMerchant();
  for (let i = 1; i <= count; i++) await fund(m.merchantId, i * 1_000);
  return m;
}

function merchantCaller(m: { userId: string; email: string; merchantId: string }) {
  const session = { user: { id: m.userId, email: m.email, name: "Toko", role: "MERCHANT", merchantId: m.merchantId, locale: "en" }, expires: farFuture() } as Session;
  return createCaller({ session, ip: "203.0.113.40" });
}

async function adminCaller() {
  const user = await db.user.create({ data: { email: `admin-${crypto.randomUUID()}@saldo.test`, name: "Admin", passwordHash: "x", role: "ADMIN" } });
  await enrolTwoFactor(user.id); // every admin has two-factor
  const session = { user: { id: user.id, email: user.email, name: "Admin", role: "ADMIN", merchantId: null, locale: "en" }, expires: farFuture() } as Session;
  return createCaller({ session, ip: "203.0.113.41" });
}

/** Reads every page through `read`, posting `insertBetween` new entries after each page. */
async function readAllPages<T extends { id: number }>(read: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>, insertBetween: () => Promise<unknown>) {
  const seen: number[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 20; pages++) {
    const page = await read(cursor);
    seen.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
    await insertBetween();
  }
  throw new Error("no last page");
}

describe(`13.19 scale hygiene on ${engine}`, () => {
  it("13.19 wallet history pages by cursor: entries posted between page reads neither repeat nor push older ones out", async () => {
    const m = await merchantWithEntries(5);
    const original = (await walletHistory(m.merchantId, { page: 1, pageSize: 50 })).items.map((i) => i.id);
    expect(original).toHaveLength(5);

    // By page number (offset), a new entry shifts every page by one: page 2 repeats page 1's last line.
    const page1 = await walletHistory(m.merchantId, { page: 1, pageSize: 2 });
    await fund(m.merchantId, 99_000);
    const page2 = await walletHistory(m.merchantId, { page: 2, pageSize: 2 });
    expect(page2.items[0]!.id).toBe(page1.items[1]!.id);

    // By cursor, each page continues after the last entry seen.
    const m2 = await merchantWithEntries(5);
    const before = (await walletHistory(m2.merchantId, { page: 1, pageSize: 50 })).items.map((i) => i.id);
    const seen = await readAllPages((cursor) => walletHistory(m2.merchantId, { page: 1, pageSize: 2, cursor }), () => fund(m2.merchantId, 7_000));
    expect(seen).toEqual(before);
    // The envelope is unchanged (total, page, pageSize, totalPages, items) plus nextCursor and
    // totalCapped (issue 14: counts stop at a cap on million-entry wallets).
    const first = await walletHistory(m2.merchantId, { page: 1, pageSize: 2 });
    expect(Object.keys(first).sort()).toEqual(["items", "nextCursor", "page", "pageSize", "total", "totalCapped", "totalPages"]);
    expect(first.totalCapped).toBe(false);
    expect(first.total).toBe(before.length + 2);
    const last = await walletHistory(m2.merchantId, { page: 1, pageSize: 50 });
    expect(last.nextCursor).toBeNull();
  });

  it("13.19 the tRPC procedures take the cursor: wallet.history for the merchant, merchants.ledger for an admin", async () => {
    const m = await merchantWithEntries(4);
    const merchant = merchantCaller(m);
    const admin = await adminCaller();
    const expected = (await walletHistory(m.merchantId, { page: 1, pageSize: 50 })).items.map((i) => i.id);
    const viaWallet = await readAllPages((cursor) => merchant.wallet.history({ page: 1, pageSize: 3, cursor }), () => fund(m.merchantId, 1_500));
    expect(viaWallet).toEqual(expected);
    const expectedNow = (await walletHistory(m.merchantId, { page: 1, pageSize: 50 })).items.map((i) => i.id);
    const viaAdmin = await readAllPages((cursor) => admin.merchants.ledger({ merchantId: m.merchantId, page: 1, pageSize: 2, cursor }), () => fund(m.merchantId, 2_500));
    expect(viaAdmin).toEqual(expectedNow);
    // The page-number UI keeps working as before.
    const byPage = await merchant.wallet.history({ page: 2, pageSize: 2 });
    expect(byPage).toMatchObject({ page: 2, pageSize: 2 });
    expect(byPage.items).toHaveLength(2);
    // A cursor that is not one is a 400, not a 500.
    for (const cursor of ["abc", "-1", "1.5", "9999999999", "123456789012345"]) {
      await expect(merchant.wallet.history({ page: 1, pageSize: 2, cursor }), cursor).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    // The largest entry id there can be: everything is older.
    expect((await merchant.wallet.history({ page: 1, pageSize: 50, cursor: "2147483647" })).items.map((i) => i.id)).toEqual(
      (await walletHistory(m.merchantId, { page: 1, pageSize: 50 })).items.map((i) => i.id),
    );
  });

  it("13.19 statements page by cursor with the period's opening and closing on every page", async () => {
    const m = await merchantWithEntries(5);
    const day = today();
    const whole = await walletStatement(m.merchantId, { from: day, to: day });
    expect(whole.rows).toHaveLength(5);
    expect(whole).toMatchObject({ opening: 0n, closing: 15_000n, truncated: false, nextCursor: null });

    const balances: bigint[] = [];
    let cursor: string | undefined;
    let page = await walletStatement(m.merchantId, { from: day, to: day }, { limit: 2 });
    expect(page).toMatchObject({ opening: 0n, closing: 15_000n, truncated: true });
    for (;;) {
      balances.push(...page.rows.map((r) => r.balance));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
      await fund(m.merchantId, 100); // posted after the reader started: comes at the end, once
      page = await walletStatement(m.merchantId, { from: day, to: day }, { cursor, limit: 2 });
    }
    const after = await walletStatement(m.merchantId, { from: day, to: day });
    expect(balances).toEqual(after.rows.map((r) => r.balance));
    expect(new Set(balances).size).toBe(balances.length);
    expect(balances.slice(0, 5)).toEqual(whole.rows.map((r) => r.balance));

    // Through tRPC too; without `limit` the statement is whole, as the statement page shows it.
    const merchant = merchantCaller(m);
    const viaTrpc = await merchant.treasury.statement({ from: day, to: day, limit: 3 });
    expect(viaTrpc.rows).toHaveLength(3);
    const rest = await merchant.treasury.statement({ from: day, to: day, limit: 1000, cursor: viaTrpc.nextCursor! });
    expect([...viaTrpc.rows, ...rest.rows].map((r) => r.balance)).toEqual(after.rows.map((r) => r.balance));
    expect(rest.nextCursor).toBeNull();
    // A period without entries opens and closes at the balance before it.
    const future = await walletStatement(m.merchantId, { from: "2099-01-01", to: "2099-01-31" });
    expect(future).toMatchObject({ rows: [], opening: after.closing, closing: after.closing });
  });

  it("13.19 the purge removes only rate-limit buckets whose window ended more than RATE_LIMIT_RETENTION_HOURS ago", async () => {
    const now = new Date();
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
    const tag = crypto.randomUUID();
    const buckets = {
      old: hoursAgo(48),
      justPast: hoursAgo(24.1),
      recent: hoursAgo(23.9),
      ended: hoursAgo(1),
      live: new Date(now.getTime() + 15 * 60_000),
    };
    await transaction((tx) => tx.rateLimitBucket.createMany({ data: Object.entries(buckets).map(([name, resetAt]) => ({ key: `test:${tag}:${name}`, count: 3, resetAt })) }));
    const left = async () => (await db.rateLimitBucket.findMany({ where: { key: { startsWith: `test:${tag}:` } } })).map((b) => b.key.split(":").at(-1)).sort();

    expect(await purgeRateLimitBuckets({ now })).toBeGreaterThanOrEqual(2); // default 24 h
    expect(await left()).toEqual(["ended", "live", "recent"]);
    await purgeRateLimitBuckets({ now, retentionHours: 0.5 });
    expect(await left()).toEqual(["live"]);
  });

  it("13.19 the hot queries' indexes exist on this engine", async () => {
    const names =
      engine === "postgres"
        ? (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT indexname::text AS name FROM pg_indexes WHERE schemaname = current_schema()`)).map((r) => r.name)
        : (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'index'`)).map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "LedgerEntry_accountId_createdAt_idx",
        "LedgerEntry_accountId_id_idx",
        "Deposit_providerRef_idx",
        "Deposit_vaNumber_idx",
        "Deposit_mandateId_idx",
        "RateLimitBucket_resetAt_idx",
        // (createdAt, id): the audit page's order, an index walk with no sort (issue 14).
        "AuditLog_createdAt_id_idx",
        "Withdrawal_processedAt_idx",
      ]),
    );
  });

  it("13.19 the history's period queries use the (accountId, createdAt) index", async () => {
    const m = await merchantWithEntries(3);
    const account = await db.ledgerAccount.findFirstOrThrow({ where: { merchantId: m.merchantId, type: "MERCHANT_WALLET" } });
    const from = new Date(Date.now() - 86_400_000);
    const to = new Date(Date.now() + 86_400_000);
    if (engine === "postgres") {
      // The shapes of the period count (the pager's total) and of the balance before an empty period.
      const plans = await transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        const count = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
          `EXPLAIN SELECT COUNT(*) FROM "LedgerEntry" WHERE "accountId" = $1 AND "createdAt" >= $2 AND "createdAt" < $3`,
          account.id,
          from,
          to,
        );
        const before = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
          `EXPLAIN SELECT "balanceAfter" FROM "LedgerEntry" WHERE "accountId" = $1 AND "createdAt" < $2 ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`,
          account.id,
          from,
        );
        return [count, before].map((rows) => rows.map((r) => r["QUERY PLAN"]).join("\n"));
      });
      for (const plan of plans) expect(plan).toContain("LedgerEntry_accountId_createdAt_idx");
    } else {
      const plan = await db.$queryRawUnsafe<{ detail: string }[]>(
        `EXPLAIN QUERY PLAN SELECT COUNT(*) FROM "LedgerEntry" WHERE "accountId" = ? AND "createdAt" >= ? AND "createdAt" < ?`,
        account.id,
        from.getTime(),
        to.getTime(),
      );
      expect(plan.map((r) => r.detail).join("\n")).toContain("LedgerEntry_accountId_createdAt_idx");
    }
  });
});
