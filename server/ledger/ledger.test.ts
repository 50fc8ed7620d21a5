import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createMerchant, fund } from "../../tests/helpers/fixtures";
import { db, engine, transaction } from "../db";
import { AppError } from "../errors";
import {
  balanceOf,
  credit,
  postHold,
  postJournal,
  reserve,
  systemAccount,
  verifyInvariants,
  voidHold,
  walletHistory,
  walletCode,
} from ".";

const run = promisify(execFile);
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const key = () => randomUUID();

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe(`ledger on ${engine}`, () => {
  it("refuses a journal whose entries do not sum to zero, and writes nothing", async () => {
    const { merchantId } = await createMerchant();
    const journalsBefore = await db.ledgerJournal.count();
    await expectAppError(
      transaction(async (tx) => {
        const wallet = await tx.ledgerAccount.findUniqueOrThrow({ where: { code: walletCode(merchantId) } });
        const clearing = await systemAccount(tx, "providerClearing");
        return postJournal(tx, {
          idempotencyKey: key(),
          type: "DEPOSIT",
          lines: [
            { accountId: wallet.id, amount: 10_000n },
            { accountId: clearing.id, amount: -9_999n },
          ],
        });
      }),
      "LEDGER_UNBALANCED",
    );
    expect(await db.ledgerJournal.count()).toBe(journalsBefore);
    expect((await balanceOf(db, merchantId)).available).toBe(0n);
  });

  it("refuses fractional and out-of-range amounts", async () => {
    const { merchantId } = await createMerchant();
    await expectAppError(transaction((tx) => credit(tx, { merchantId, amount: 10.5, idempotencyKey: key() })), "VALIDATION");
    await expectAppError(transaction((tx) => credit(tx, { merchantId, amount: 10n ** 12n + 1n, idempotencyKey: key() })), "VALIDATION");
    await expectAppError(transaction((tx) => credit(tx, { merchantId, amount: 0, idempotencyKey: key() })), "VALIDATION");
    expect((await balanceOf(db, merchantId)).available).toBe(0n);
  });

  it("posts a repeated idempotency key once and returns the first result", async () => {
    const { merchantId } = await createMerchant();
    const idempotencyKey = key();
    const first = await transaction((tx) => credit(tx, { merchantId, amount: 50_000, idempotencyKey }));
    const second = await transaction((tx) => credit(tx, { merchantId, amount: 50_000, idempotencyKey }));
    expect(first.replayed).toBe(false);
    expect(second.replayed).toBe(true);
    expect(second.journal.id).toBe(first.journal.id);
    expect((await balanceOf(db, merchantId)).available).toBe(50_000n);
    // The same key for a different movement is a conflict, not a silent replay.
    await expectAppError(transaction((tx) => credit(tx, { merchantId, amount: 60_000, idempotencyKey })), "CONFLICT");
    expect((await balanceOf(db, merchantId)).available).toBe(50_000n);
  });

  it("reports the merchant wallets a posting changed, and none on a replay", async () => {
    const { merchantId } = await createMerchant();
    const idempotencyKey = key();
    expect((await transaction((tx) => credit(tx, { merchantId, amount: 20_000, idempotencyKey }))).changedWallets).toEqual([merchantId]);
    expect((await transaction((tx) => credit(tx, { merchantId, amount: 20_000, idempotencyKey }))).changedWallets).toEqual([]);
    const { hold, changedWallets } = await transaction((tx) => reserve(tx, { merchantId, amount: 5_000, idempotencyKey: key() }));
    expect(changedWallets).toEqual([merchantId]);
    expect((await transaction((tx) => postHold(tx, { holdId: hold.id, to: [{ account: "payoutClearing", amount: 5_000 }] }))).changedWallets).toEqual([]);
  });

  it("posts once when the same key races itself", async () => {
    const { merchantId } = await createMerchant();
    const idempotencyKey = key();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => transaction((tx) => credit(tx, { merchantId, amount: 7_000, idempotencyKey }))),
    );
    expect(new Set(results.map((r) => r.journal.id)).size).toBe(1);
    expect((await balanceOf(db, merchantId)).available).toBe(7_000n);
  });

  it("refuses a reserve beyond the available balance and changes nothing", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 30_000);
    const journalsBefore = await db.ledgerJournal.count();
    await expectAppError(transaction((tx) => reserve(tx, { merchantId, amount: 30_001, idempotencyKey: key() })), "INSUFFICIENT_FUNDS");
    expect(await balanceOf(db, merchantId)).toEqual({ available: 30_000n, held: 0n });
    expect(await db.ledgerHold.count({ where: { merchantId } })).toBe(0);
    expect(await db.ledgerJournal.count()).toBe(journalsBefore);
  });

  it("void returns the funds; post after void is refused", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 100_000);
    const { hold } = await transaction((tx) => reserve(tx, { merchantId, amount: 41_000, idempotencyKey: key(), reference: "wd_1" }));
    expect(await balanceOf(db, merchantId)).toEqual({ available: 59_000n, held: 41_000n });
    await transaction((tx) => voidHold(tx, { holdId: hold.id }));
    expect(await balanceOf(db, merchantId)).toEqual({ available: 100_000n, held: 0n });
    await expectAppError(
      transaction((tx) => postHold(tx, { holdId: hold.id, to: [{ account: "payoutClearing", amount: 41_000 }] })),
      "INVALID_STATE",
    );
    await expectAppError(transaction((tx) => voidHold(tx, { holdId: hold.id })), "INVALID_STATE");
    expect(await balanceOf(db, merchantId)).toEqual({ available: 100_000n, held: 0n });
  });

  it("post sends the held money on; void after post is refused", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 100_000);
    const { hold } = await transaction((tx) => reserve(tx, { merchantId, amount: 51_000, idempotencyKey: key() }));
    await expectAppError(
      transaction((tx) => postHold(tx, { holdId: hold.id, to: [{ account: "payoutClearing", amount: 50_000 }] })),
      "VALIDATION",
    );
    const posted = await transaction((tx) =>
      postHold(tx, {
        holdId: hold.id,
        to: [
          { account: "payoutClearing", amount: 50_000 },
          { account: "feeRevenue", amount: 1_000 },
        ],
      }),
    );
    expect(posted.status).toBe("POSTED");
    expect(await balanceOf(db, merchantId)).toEqual({ available: 49_000n, held: 0n });
    await expectAppError(transaction((tx) => voidHold(tx, { holdId: hold.id })), "INVALID_STATE");
    await expectAppError(
      transaction((tx) => postHold(tx, { holdId: hold.id, to: [{ account: "payoutClearing", amount: 51_000 }] })),
      "INVALID_STATE",
    );
    expect(await balanceOf(db, merchantId)).toEqual({ available: 49_000n, held: 0n });
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });

  it("lists the wallet history newest first with the resulting balance", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 10_000);
    await fund(merchantId, 25_000);
    await transaction((tx) => reserve(tx, { merchantId, amount: 5_000, idempotencyKey: key(), reference: "wd_9" }));
    const page1 = await walletHistory(db, merchantId, { page: 1, pageSize: 2 });
    expect(page1.total).toBe(3);
    expect(page1.totalPages).toBe(2);
    expect(page1.items.map((i) => [i.type, i.amount, i.balanceAfter])).toEqual([
      ["HOLD_RESERVE", -5_000n, 30_000n],
      ["DEPOSIT", 25_000n, 35_000n],
    ]);
    const page2 = await walletHistory(db, merchantId, { page: 2, pageSize: 2 });
    expect(page2.items.map((i) => i.balanceAfter)).toEqual([10_000n]);
  });

  it("200 concurrent reserves of 10.000 against 1.000.000 leave exactly 100 holds and 0 available", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 1_000_000);
    let accepted: number;
    if (engine === "sqlite") {
      // Separate processes, each with its own connection to the same file.
      const outputs = await Promise.all(
        [0, 1, 2, 3].map((p) =>
          run(tsx, [path.join("tests", "helpers", "reserve-worker.ts"), merchantId, "50", "10000", `p${p}`], {
            env: { ...process.env },
            maxBuffer: 10 * 1024 * 1024,
          }),
        ),
      );
      const parsed = outputs.map((o) => JSON.parse(o.stdout) as { accepted: number; reasons: string[] });
      for (const p of parsed) expect(new Set(p.reasons)).toEqual(p.reasons.length ? new Set(["INSUFFICIENT_FUNDS"]) : new Set());
      accepted = parsed.reduce((sum, p) => sum + p.accepted, 0);
    } else {
      // Parallel promises over the connection pool: real concurrent transactions.
      const results = await Promise.allSettled(
        Array.from({ length: 200 }, (_, i) => transaction((tx) => reserve(tx, { merchantId, amount: 10_000, idempotencyKey: `pg-race-${i}` }))),
      );
      const rejected = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as AppError).code] : []));
      expect(new Set(rejected)).toEqual(new Set(["INSUFFICIENT_FUNDS"]));
      accepted = results.length - rejected.length;
    }
    expect(accepted).toBe(100);
    expect(await db.ledgerHold.count({ where: { merchantId, status: "PENDING" } })).toBe(100);
    expect(await balanceOf(db, merchantId)).toEqual({ available: 0n, held: 1_000_000n });
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });

  it("ledger:check passes on a sound ledger and fails on a hand-corrupted balance", async () => {
    const { merchantId } = await createMerchant();
    await fund(merchantId, 12_345);
    const env = { ...process.env };
    const ok = await run(tsx, [path.join("scripts", "ledger-check.ts")], { env });
    expect(ok.stdout).toMatch(/ledger ok/i);
    await db.ledgerAccount.update({ where: { code: walletCode(merchantId) }, data: { balance: { increment: 1 } } });
    const failed = await run(tsx, [path.join("scripts", "ledger-check.ts")], { env }).then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failed).not.toBeNull();
    expect(failed!.code).not.toBe(0);
    expect(failed!.stderr).toContain(`merchant:${merchantId}:wallet`);
  });
});
