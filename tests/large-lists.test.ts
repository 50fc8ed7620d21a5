// The lists over a large ledger (issue 14): the bench's bulk seed is a consistent ledger, totals
// are counted up to a cap with the pager still working, statements of consecutive months tile
// exactly, and the withdrawal desk shows each merchant's balance.
import { beforeAll, describe, expect, it } from "vitest";
import { BIG_MERCHANT, seedLedger } from "../bench/seed-million";
import { COUNT_CAP } from "../lib/capped-count";

const ROWS = 40_000;

describe("lists over a large ledger", () => {
  beforeAll(async () => {
    await seedLedger(process.env.DATABASE_URL!, ROWS);
  });

  it("the bulk seed is a ledger the invariant check accepts", async () => {
    const { db } = await import("../server/db");
    const { verifyInvariants } = await import("../server/ledger/verify-invariants");
    const result = await verifyInvariants(db);
    expect(result.problems).toEqual([]);
    expect(await db.ledgerEntry.count()).toBe(ROWS);
  });

  it("wallet history counts up to the cap, and its last page and cursor pages still read rows", async () => {
    const { db } = await import("../server/db");
    const { walletHistory } = await import("../server/ledger/balances");
    const wallet = await db.ledgerAccount.findUniqueOrThrow({ where: { code: `merchant:${BIG_MERCHANT}:wallet` } });
    const entries = await db.ledgerEntry.count({ where: { accountId: wallet.id } });
    expect(entries).toBeGreaterThan(COUNT_CAP);

    const first = await walletHistory(BIG_MERCHANT, { page: 1, pageSize: 20 });
    expect(first).toMatchObject({ total: COUNT_CAP, totalCapped: true, totalPages: COUNT_CAP / 20 });
    expect(first.items).toHaveLength(20);
    expect(first.items[0]!.balanceAfter).toBe(wallet.balance);

    const last = await walletHistory(BIG_MERCHANT, { page: first.totalPages, pageSize: 20 });
    expect(last.items).toHaveLength(20);
    const next = await walletHistory(BIG_MERCHANT, { page: 1, pageSize: 20, cursor: last.nextCursor! });
    expect(next.items[0]!.id).toBeLessThan(last.items.at(-1)!.id);

    // A small wallet is counted exactly.
    const small = await walletHistory("bench_m7", { page: 1, pageSize: 20 });
    expect(small.totalCapped).toBe(false);
    expect(small.total).toBe(await db.ledgerEntry.count({ where: { account: { code: "merchant:bench_m7:wallet" } } }));
  });

  it("statements of consecutive months tile: each closes where the next opens, and lines add up", async () => {
    const { db } = await import("../server/db");
    const { walletStatement, monthPeriod } = await import("../server/treasury/statements");
    const months = [3, 2, 1].map((back) => {
      const d = new Date();
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - back);
      return d.toISOString().slice(0, 7);
    });
    const statements = [];
    for (const month of months) statements.push(await walletStatement(BIG_MERCHANT, monthPeriod(month)));
    for (const [i, s] of statements.entries()) {
      expect(s.rows.length).toBeGreaterThan(0);
      const sum = s.rows.reduce((total, r) => total + r.credit - r.debit, 0n);
      expect(s.opening + sum).toBe(s.closing);
      if (i > 0) expect(s.opening).toBe(statements[i - 1]!.closing);
    }
    // Paged by cursor, the same lines as at once.
    const whole = statements[1]!;
    const paged = [];
    let cursor: string | undefined;
    do {
      const page = await walletStatement(BIG_MERCHANT, monthPeriod(months[1]!), { limit: 500, cursor });
      expect(page.opening).toBe(whole.opening);
      expect(page.closing).toBe(whole.closing);
      paged.push(...page.rows);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged.map((r) => r.balance)).toEqual(whole.rows.map((r) => r.balance));
    // A period with no lines opens and closes at the balance before it.
    const future = await walletStatement(BIG_MERCHANT, { from: "2099-01-01", to: "2099-01-31" });
    const wallet = await db.ledgerAccount.findUniqueOrThrow({ where: { code: `merchant:${BIG_MERCHANT}:wallet` } });
    expect(future).toMatchObject({ opening: wallet.balance, closing: wallet.balance, rows: [] });
  });

  it("the audit log and the withdrawal desk page over the seeded rows", async () => {
    const { listAuditLog } = await import("../server/merchants/list-audit-log");
    const { listWithdrawalQueue } = await import("../server/withdrawals/list-withdrawal-queue");
    const { balanceOf } = await import("../server/ledger/balances");
    const { db } = await import("../server/db");
    const audit = await listAuditLog({ page: 1, pageSize: 20 });
    expect(audit).toMatchObject({ total: ROWS / 4, totalCapped: false });
    const lastPage = await listAuditLog({ page: audit.totalPages, pageSize: 20 });
    expect(lastPage.items).toHaveLength(20);
    expect(lastPage.items[0]!.createdAt.getTime()).toBeLessThanOrEqual(audit.items.at(-1)!.createdAt.getTime());

    const queue = await listWithdrawalQueue({ page: 1, pageSize: 20 });
    expect(queue.total).toBe(300);
    for (const row of queue.items) {
      expect(row.balance).toEqual(await balanceOf(db, row.merchantId));
      expect(row.balance.held).toBe(5_000n);
    }
  });
});
