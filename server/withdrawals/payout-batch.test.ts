// Batch payouts (issue 15) against a real database, SQLite and PostgreSQL: per-row validation with
// the single withdrawal's rules, duplicates, all-or-nothing reservation with the shortfall, two
// batches racing against one balance, the REST surface with Idempotency-Key, and the desk's
// approve-all / per-row decisions with maker-checker. Ledger invariants hold at the end.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createKey, createMerchant, fund } from "../../tests/helpers/fixtures";
import type { Actor } from "../audit";
import { db } from "../db";
import { AppError } from "../errors";
import { balanceOf, reserveMany, verifyInvariants, voidHold } from "../ledger";
import { transaction } from "../db";
import { buildPayoutBatchReport } from "./build-payout-batch-report";
import { decidePayoutBatch } from "./decide-payout-batch";
import { giveWithdrawalApproval } from "./give-withdrawal-approval";
import { getPayoutBatch } from "./get-payout-batch";
import { listPayoutBatchQueue } from "./list-payout-batch-queue";
import { listWithdrawalQueue } from "./list-withdrawal-queue";
import { parsePayoutFile } from "./parse-payout-file";
import { requestWithdrawal } from "./request-withdrawal";
import { submitPayoutBatch } from "./submit-payout-batch";
import { validatePayoutBatch, type PayoutBatchRowInput } from "./validate-payout-batch";
import { POST as postBatch } from "../../app/api/v1/withdraw/batch/route";
import { GET as getBatch } from "../../app/api/v1/withdraw/batch/[id]/route";
import * as trpcRoute from "../../app/api/trpc/[trpc]/route";

const merchantActor = (merchantId: string): Actor => ({ type: "USER", id: `user-of-${merchantId}` });
let adminCount = 0;
async function createAdmin(): Promise<Actor> {
  adminCount += 1;
  const user = await db.user.create({ data: { email: `batch-admin-${adminCount}-${Date.now()}@test.saldo`, passwordHash: "x", name: `Admin ${adminCount}`, role: "ADMIN" } });
  return { type: "USER", id: user.id };
}

/** `n` distinct valid DANA rows of `amount` each (fee 1.000). */
function danaRows(n: number, amount = 10_000, offset = 0): PayoutBatchRowInput[] {
  return Array.from({ length: n }, (_, i) => ({
    amount: String(amount),
    method: "dana",
    accountNumber: `0812${String(10_000_000 + offset + i).slice(-8)}`,
    accountName: `Penerima ${offset + i}`,
    note: `Komisi ${offset + i}`,
  }));
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("validatePayoutBatch", () => {
  it("checks every row with the single withdrawal's rules and reports each row's errors", async () => {
    const m = await createMerchant();
    const rows: PayoutBatchRowInput[] = [
      { amount: "100.000", method: "DANA", accountNumber: "+62 812-3456-7890", accountName: "Budi  Santoso", note: "ok", reference: "INV-1" },
      { amount: "5000", method: "dana", accountNumber: "081234567891", accountName: "Kecil" },
      { amount: "12,5", method: "dana", accountNumber: "081234567892", accountName: "Pecahan" },
      { amount: "20000", method: "paypal", accountNumber: "081234567893", accountName: "Metode" },
      { amount: "20000", method: "bca", accountNumber: "12345", accountName: "Rekening Pendek" },
      { amount: "20000", method: "ovo", accountNumber: "071234567890", accountName: "X" },
      { amount: "", method: "", accountNumber: "", accountName: "" },
    ];
    const v = await validatePayoutBatch({ merchantId: m.merchantId, rows });
    expect(v.rows).toHaveLength(7);
    expect(v.rows[0]!.errors).toEqual([]);
    expect(v.rows[0]!.value).toMatchObject({ amount: 100_000n, fee: 1_000n, totalDeduct: 101_000n, method: "dana", accountNumber: "6281234567890", accountName: "Budi Santoso", reference: "INV-1" });
    expect(v.rows[1]!.errors.join()).toMatch(/amount must be between/);
    expect(v.rows[2]!.errors.join()).toMatch(/whole rupiah/);
    expect(v.rows[3]!.errors.join()).toMatch(/method must be one of/);
    expect(v.rows[4]!.errors.join()).toMatch(/BCA must be 10 digits/);
    expect(v.rows[5]!.errors).toHaveLength(2); // mobile number and holder name
    expect(v.rows[6]!.errors.length).toBeGreaterThanOrEqual(3);
    expect(v).toMatchObject({ validCount: 1, errorCount: 6, totalAmount: 100_000n, totalFee: 1_000n, totalDeduct: 101_000n });
  });

  it("flags duplicates within the file and against the last 24 hours, not older or rejected ones", async () => {
    const m = await createMerchant();
    await fund(m.merchantId, 1_000_000);
    const recent = await requestWithdrawal({ merchantId: m.merchantId, amount: 50_000, method: "bca", accountNumber: "1234567890", accountName: "Lama", actor: merchantActor(m.merchantId) });
    const old = await requestWithdrawal({ merchantId: m.merchantId, amount: 60_000, method: "bca", accountNumber: "1234567890", accountName: "Lama", actor: merchantActor(m.merchantId) });
    await db.withdrawal.update({ where: { id: old.withdrawal.id }, data: { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) } });
    const v = await validatePayoutBatch({
      merchantId: m.merchantId,
      rows: [
        { amount: "20000", method: "dana", accountNumber: "081234567890", accountName: "Satu" },
        { amount: "20000", method: "dana", accountNumber: "0812-3456-7890", accountName: "Satu Lagi" },
        { amount: "50000", method: "bca", accountNumber: "1234567890", accountName: "Baru" },
        { amount: "60000", method: "bca", accountNumber: "1234567890", accountName: "Baru" },
        { amount: "20001", method: "dana", accountNumber: "081234567890", accountName: "Beda" },
      ],
    });
    expect(v.rows.map((r) => r.duplicateOfRow)).toEqual([null, 1, null, null, null]);
    expect(v.rows.map((r) => r.duplicateRecentId)).toEqual([null, null, recent.withdrawal.id, null, null]);
    expect(v.duplicateCount).toBe(2);
    // Another merchant's withdrawals are not this merchant's duplicates.
    const other = await createMerchant();
    const v2 = await validatePayoutBatch({ merchantId: other.merchantId, rows: [{ amount: "50000", method: "bca", accountNumber: "1234567890", accountName: "Baru" }] });
    expect(v2.rows[0]!.duplicateRecentId).toBeNull();
  });

  it("refuses more than 10,000 rows with a clear message", async () => {
    const m = await createMerchant();
    const error = await errorOf(validatePayoutBatch({ merchantId: m.merchantId, rows: danaRows(10_001) }));
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toMatch(/At most 10,000 rows/);
  });
});

describe("parsePayoutFile", () => {
  it("reads the CSV template (commas or semicolons) and XLSX, skipping blank lines", async () => {
    const csv = "amount,method,account_number,account_name,note,reference\n100000,dana,081234567890,Budi,Komisi,INV-1\n\n250000,bca,1234567890,Siti,,\n";
    const rows = await parsePayoutFile({ fileName: "a.csv", content: new TextEncoder().encode(csv) });
    expect(rows).toEqual([
      { amount: "100000", method: "dana", accountNumber: "081234567890", accountName: "Budi", note: "Komisi", reference: "INV-1" },
      { amount: "250000", method: "bca", accountNumber: "1234567890", accountName: "Siti", note: "", reference: "" },
    ]);
    const semi = await parsePayoutFile({ fileName: "b.CSV", content: new TextEncoder().encode("Nominal;Metode;Nomor Rekening;Nama Rekening\n100000;dana;081234567890;Budi\n") });
    expect(semi[0]).toMatchObject({ amount: "100000", method: "dana", accountNumber: "081234567890", accountName: "Budi" });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Payouts");
    sheet.addRow(["amount", "method", "account number", "account name", "note"]);
    sheet.addRow([75000, "gopay", "081234567899", "Andi", "Bonus"]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const fromXlsx = await parsePayoutFile({ fileName: "c.xlsx", content: xlsx });
    expect(fromXlsx).toEqual([{ amount: "75000", method: "gopay", accountNumber: "081234567899", accountName: "Andi", note: "Bonus", reference: "" }]);
  });

  it("refuses missing columns, other formats and files over 10,000 rows", async () => {
    await expect(parsePayoutFile({ fileName: "a.csv", content: new TextEncoder().encode("amount,method\n1,dana\n") })).rejects.toThrow(/Required columns missing: accountNumber, accountName/);
    await expect(parsePayoutFile({ fileName: "a.pdf", content: new Uint8Array([1, 2]) })).rejects.toThrow(/CSV or XLSX/);
    await expect(parsePayoutFile({ fileName: "a.xlsx", content: new TextEncoder().encode("not a zip") })).rejects.toThrow(/cannot be read/);
    const big = ["amount,method,account_number,account_name", ...danaRows(10_001).map((r) => `${r.amount},${r.method},${r.accountNumber},${r.accountName}`)].join("\n");
    await expect(parsePayoutFile({ fileName: "big.csv", content: new TextEncoder().encode(big) })).rejects.toThrow(/more than 10,000 rows/);
  });
});

describe("ledger reserveMany", () => {
  it("reserves several holds with one guarded debit: all or none, replayed by its key, each hold settled on its own", async () => {
    const m = await createMerchant();
    await fund(m.merchantId, 100_000);
    const holds = [
      { idempotencyKey: "rm:a", amount: 30_000n },
      { idempotencyKey: "rm:b", amount: 50_000n },
    ];
    const short = await errorOf(transaction((tx) => reserveMany(tx, { merchantId: m.merchantId, idempotencyKey: "rm-big", holds: [...holds, { idempotencyKey: "rm:c", amount: 20_001n }] })));
    expect(short.code).toBe("INSUFFICIENT_FUNDS");
    expect(await db.ledgerHold.count({ where: { merchantId: m.merchantId } })).toBe(0);
    const first = await transaction((tx) => reserveMany(tx, { merchantId: m.merchantId, idempotencyKey: "rm-1", holds }));
    const again = await transaction((tx) => reserveMany(tx, { merchantId: m.merchantId, idempotencyKey: "rm-1", holds }));
    expect(again.replayed).toBe(true);
    expect(again.holds.map((h) => h.id)).toEqual(first.holds.map((h) => h.id));
    expect(first.holds.map((h) => h.amount)).toEqual([30_000n, 50_000n]);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 20_000n, held: 80_000n });
    await transaction((tx) => voidHold(tx, { holdId: first.holds[0]!.id }));
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 50_000n, held: 50_000n });
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });
});

describe("submitPayoutBatch", () => {
  it("reserves every row in one go: one hold and one pending withdrawal per row, linked to the batch", async () => {
    const m = await createMerchant();
    await fund(m.merchantId, 100_000);
    const { batch, newBalance } = await submitPayoutBatch({ merchantId: m.merchantId, rows: danaRows(3, 20_000), actor: merchantActor(m.merchantId), fileName: "jan.csv" });
    expect(batch).toMatchObject({ rowCount: 3, totalAmount: 60_000n, totalFee: 3_000n, fileName: "jan.csv" });
    expect(newBalance).toBe(37_000n);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 37_000n, held: 63_000n });
    const rows = await db.withdrawal.findMany({ where: { batchId: batch.id }, orderBy: { batchRow: "asc" } });
    expect(rows.map((r) => [r.batchRow, r.status, r.totalDeduct, r.note])).toEqual([
      [1, "pending", 21_000n, "Komisi 0"],
      [2, "pending", 21_000n, "Komisi 1"],
      [3, "pending", 21_000n, "Komisi 2"],
    ]);
    expect(await db.ledgerHold.count({ where: { id: { in: rows.map((r) => r.holdId) }, status: "PENDING" } })).toBe(3);
    // Rows are written by multi-row INSERTs: their times read back as the moment of submission.
    for (const r of rows) expect(Math.abs(r.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    const holds = await db.ledgerHold.findMany({ where: { id: { in: rows.map((r) => r.holdId) } } });
    expect(holds.map((h) => h.reference).sort()).toEqual(rows.map((r) => r.id).sort());
    for (const h of holds) expect(Math.abs(h.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    // The portal's own list and the status endpoint see batch rows as ordinary withdrawals.
    expect((await db.withdrawal.findMany({ where: { merchantId: m.merchantId, createdAt: { gte: new Date(Date.now() - 60_000) } } })).length).toBe(3);
    expect(await db.auditLog.count({ where: { action: "withdraw.batch_submit", targetId: batch.id } })).toBe(1);
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });

  it("is all or nothing: a short balance reserves nothing and says the shortfall", async () => {
    const m = await createMerchant();
    await fund(m.merchantId, 50_000);
    const error = await errorOf(submitPayoutBatch({ merchantId: m.merchantId, rows: danaRows(3, 20_000), actor: merchantActor(m.merchantId) }));
    expect(error.code).toBe("INSUFFICIENT_FUNDS");
    expect(error.details).toMatchObject({ required: "63000", available: "50000", shortfall: "13000" });
    expect(error.message).toMatch(/Rp 13\.000 short/);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 50_000n, held: 0n });
    expect(await db.withdrawal.count({ where: { merchantId: m.merchantId } })).toBe(0);
    expect(await db.payoutBatch.count({ where: { merchantId: m.merchantId } })).toBe(0);
  });

  it("refuses a file with invalid rows or unconfirmed duplicates, listing the rows; confirmed duplicates go through", async () => {
    const m = await createMerchant();
    await fund(m.merchantId, 200_000);
    const rows = danaRows(3, 20_000);
    rows[1] = { ...rows[1]!, amount: "abc" };
    const invalid = await errorOf(submitPayoutBatch({ merchantId: m.merchantId, rows, actor: merchantActor(m.merchantId) }));
    expect(invalid.code).toBe("VALIDATION");
    expect(invalid.details).toMatchObject({ reason: "INVALID_ROWS", rows: [{ row: 2 }] });

    const dupes = [...danaRows(2, 20_000), danaRows(1, 20_000)[0]!];
    const unconfirmed = await errorOf(submitPayoutBatch({ merchantId: m.merchantId, rows: dupes, actor: merchantActor(m.merchantId) }));
    expect(unconfirmed.details).toMatchObject({ reason: "UNCONFIRMED_DUPLICATES", rows: [{ row: 3, duplicateOfRow: 1 }] });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 200_000n, held: 0n });

    const { batch } = await submitPayoutBatch({ merchantId: m.merchantId, rows: dupes, confirmDuplicates: true, actor: merchantActor(m.merchantId) });
    expect(batch.rowCount).toBe(3);
  });

  it("two batches racing against one balance: one is reserved, the other refused with its shortfall, never overdrawn", async () => {
    const m = await createMerchant();
    await fund(m.merchantId, 150_000);
    // Each batch needs 5 × 21.000 = 105.000: both fit alone, not together.
    const results = await Promise.allSettled([
      submitPayoutBatch({ merchantId: m.merchantId, rows: danaRows(5, 20_000, 0), actor: merchantActor(m.merchantId) }),
      submitPayoutBatch({ merchantId: m.merchantId, rows: danaRows(5, 20_000, 100), actor: merchantActor(m.merchantId) }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(AppError);
    expect((refused[0]!.reason as AppError).details).toMatchObject({ required: "105000", available: "45000", shortfall: "60000" });
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 45_000n, held: 105_000n });
    expect(await db.withdrawal.count({ where: { merchantId: m.merchantId } })).toBe(5);
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });

  it("answers a repeat with the same idempotency key with the first batch", async () => {
    const m = await createMerchant();
    await fund(m.merchantId, 100_000);
    const input = { merchantId: m.merchantId, rows: danaRows(2, 20_000), actor: merchantActor(m.merchantId), idempotencyKey: "portal:k1" };
    const [a, b] = await Promise.all([submitPayoutBatch(input), submitPayoutBatch(input)]);
    expect(a.batch.id).toBe(b.batch.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 58_000n, held: 42_000n });
  });
});

describe("REST /api/v1/withdraw/batch", () => {
  const call = (key: string, body: unknown, headers: Record<string, string> = {}) =>
    postBatch(new Request("http://localhost/api/v1/withdraw/batch", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
  const status = (key: string, id: string, query = "") =>
    getBatch(new Request(`http://localhost/api/v1/withdraw/batch/${id}${query}`, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ id }) });

  it("submits with an Idempotency-Key once, reports per-row errors and shortfalls, and shows the batch to its owner only", async () => {
    const m = await createMerchant();
    await fund(m.merchantId, 100_000);
    const key = await createKey(m.merchantId);
    const rows = danaRows(2, 20_000).map((r) => ({ ...r, amount: Number(r.amount) }));

    const bad = await call(key, { rows: [rows[0], { ...rows[1], accountNumber: "12" }] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ success: false, code: "VALIDATION", rows: [{ row: 2, errors: [expect.stringMatching(/mobile number/)] }] });

    const short = await call(key, { rows: danaRows(5, 20_000) });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ success: false, code: "INSUFFICIENT_FUNDS", required: 105_000, available: 100_000, shortfall: 5_000 });

    const first = await call(key, { rows }, { "idempotency-key": "batch-1" });
    expect(first.status).toBe(200);
    const body = (await first.json()) as { batch_id: string; new_balance: number; row_count: number; status: string; progress: { pending: number } };
    expect(body).toMatchObject({ success: true, row_count: 2, total_amount: 40_000, total_fee: 2_000, new_balance: 58_000, status: "pending", progress: { pending: 2 } });
    const again = await call(key, { rows }, { "idempotency-key": "batch-1" });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { batch_id: string }).batch_id).toBe(body.batch_id);
    expect(await balanceOf(db, m.merchantId)).toEqual({ available: 58_000n, held: 42_000n });

    const got = await status(key, body.batch_id, "?limit=1&page=2");
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({ success: true, batch_id: body.batch_id, rows: [{ row: 2, status: "pending", amount: 20_000 }], pagination: { page: 2, limit: 1, total: 2, total_pages: 2 } });
    expect((await status(key, body.batch_id, "?limit=0")).status).toBe(400);

    const other = await createMerchant();
    const otherKey = await createKey(other.merchantId);
    const hidden = await status(otherKey, body.batch_id);
    expect(hidden.status).toBe(404);
    expect((await call(key, { rows: "nope" })).status).toBe(400);
    expect((await call(key, {})).status).toBe(400);
  });
});

describe("the desk", () => {
  it("shows a batch as one item, approves all in chunks, rejects per row, and the report tells each row's outcome", async () => {
    const m = await createMerchant("Toko Batch");
    await fund(m.merchantId, 100_000_000);
    const admin = await createAdmin();
    const rows = danaRows(60, 10_000);
    // A row at the maker-checker threshold needs two admins, as a single withdrawal would.
    rows.push({ amount: "15000000", method: "bca", accountNumber: "1234567890", accountName: "Besar" });
    const { batch } = await submitPayoutBatch({ merchantId: m.merchantId, rows, actor: merchantActor(m.merchantId) });

    const queue = await listPayoutBatchQueue({ page: 1, pageSize: 20 });
    const item = queue.items.find((b) => b.id === batch.id);
    expect(item).toMatchObject({ rowCount: 61, merchant: { businessName: "Toko Batch" }, progress: { pending: 61, total: 61 } });
    const single = await listWithdrawalQueue({ merchantId: m.merchantId });
    expect(single.total).toBe(0);

    // Reject two rows by id, with one note.
    const all = await db.withdrawal.findMany({ where: { batchId: batch.id }, orderBy: { batchRow: "asc" } });
    const rejected = await decidePayoutBatch({ batchId: batch.id, action: "reject", note: "Rekening diblokir", ids: [all[0]!.id, all[1]!.id], actor: admin });
    expect(rejected.outcomes.map((o) => o.outcome)).toEqual(["rejected", "rejected"]);
    expect(await errorOf(decidePayoutBatch({ batchId: batch.id, action: "reject", note: "x", ids: [all[2]!.id], actor: admin }))).toMatchObject({ code: "VALIDATION" });

    // Approve all: the page calls again with the cursor until it is null.
    let afterRow: number | undefined;
    let calls = 0;
    const outcomes: string[] = [];
    for (;;) {
      const step = await decidePayoutBatch({ batchId: batch.id, action: "approve", afterRow, actor: admin });
      calls++;
      outcomes.push(...step.outcomes.map((o) => o.outcome));
      if (step.nextAfterRow === null) break;
      afterRow = step.nextAfterRow;
    }
    expect(calls).toBe(2);
    expect(outcomes.filter((o) => o === "approved")).toHaveLength(58);
    expect(outcomes.filter((o) => o === "awaiting_second")).toHaveLength(1);

    const { progress } = await getPayoutBatch({ batchId: batch.id, merchantId: m.merchantId });
    expect(progress).toMatchObject({ pending: 1, rejected: 2, total: 61 });
    expect(progress.success + progress.processing).toBe(58);
    // Another merchant cannot read it.
    const other = await createMerchant();
    await expect(getPayoutBatch({ batchId: batch.id, merchantId: other.merchantId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // The second admin approves the large row; the batch completes once every payout settled.
    const second = await createAdmin();
    const big = all.at(-1)!;
    expect((await db.payoutBatch.findUniqueOrThrow({ where: { id: batch.id } })).completedAt).toBeNull();
    // Approved as a single withdrawal would be: the settlement of the last row completes the batch.
    const done = await giveWithdrawalApproval({ withdrawalId: big.id, actor: second });
    expect(done.outcome).toBe("approved");
    expect((await db.payoutBatch.findUniqueOrThrow({ where: { id: batch.id } })).completedAt).not.toBeNull();
    expect(await db.notification.count({ where: { merchantId: m.merchantId, type: "payout_batch.completed" } })).toBe(1);
    const final = await getPayoutBatch({ batchId: batch.id, merchantId: m.merchantId });
    expect(final.progress).toMatchObject({ pending: 0, processing: 0, success: 59, rejected: 2 });
    expect(await db.notification.count({ where: { merchantId: m.merchantId, type: "payout_batch.completed" } })).toBe(1);
    expect((await listPayoutBatchQueue({})).items.some((b) => b.id === batch.id)).toBe(false);

    const report = await buildPayoutBatchReport({ batchId: batch.id, merchantId: m.merchantId });
    const lines = report.csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(62);
    expect(lines[0]).toMatch(/^row,withdraw_id,amount,fee/);
    expect(lines[1]).toContain("rejected");
    expect(lines[1]).toContain("Rekening diblokir");
    expect((await verifyInvariants(db)).problems).toEqual([]);
  });
});

describe("body caps", () => {
  it("lets batch procedures and the batch route read large bodies; every other route keeps the default cap", async () => {
    const rows = danaRows(1_500, 20_000);
    const big = JSON.stringify({ json: { rows } });
    expect(big.length).toBeGreaterThan(65_536);
    const post = (procedure: string, body: string) => trpcRoute.POST(new Request(`http://localhost/api/trpc/${procedure}`, { method: "POST", headers: { "content-type": "application/json" }, body }));
    // Read in full and handed to tRPC (outside Next's request scope here, so it fails there, not on size).
    expect((await post("payoutBatches.validate", big)).status).not.toBe(413);
    expect((await post("deposits.create", big)).status).toBe(413);
    expect((await post("payoutBatches.validate", "x".repeat(6_000_001))).status).toBe(413);

    const m = await createMerchant();
    await fund(m.merchantId, 100_000_000);
    const key = await createKey(m.merchantId);
    const rest = (body: string) =>
      postBatch(new Request("http://localhost/api/v1/withdraw/batch", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body }), { params: Promise.resolve({}) });
    const ok = await rest(JSON.stringify({ rows }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ row_count: 1_500 });
    expect((await rest("x".repeat(4_000_001))).status).toBe(413);
  });
});
