// Issue 15's benchmark (not a timed test): a generated 10,000-row batch payout file read and
// validated through the use cases (parse-payout-file.ts → validate-payout-batch.ts) against a
// fresh, migrated SQLite database with a merchant that has withdrawals in the last 24 h, so the
// duplicate check has something to compare against. Prints the times; the goal is under 5 s.
//   npx tsx bench/batch-validate.ts            (BENCH_BATCH_ROWS=10000 by default)
//   BENCH_BATCH_SUBMIT=1 npx tsx bench/batch-validate.ts   also submits it (10,000 holds in one transaction)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROWS = Number(process.env.BENCH_BATCH_ROWS ?? 10_000);
const dir = mkdtempSync(path.join(tmpdir(), "saldo-batch-bench-"));
const url = `file:${path.join(dir, "bench.db")}`;
process.env.DATABASE_URL = url;
(process.env as Record<string, string>).NODE_ENV ??= "development";

async function main() {
  const { migrate } = await import("../server/db-migrate");
  await migrate(url);
  const { db, transaction } = await import("../server/db");
  const { registerMerchant } = await import("../server/auth/register-merchant");
  const { credit } = await import("../server/ledger");
  const { requestWithdrawal } = await import("../server/withdrawals/request-withdrawal");
  const { parsePayoutFile } = await import("../server/withdrawals/parse-payout-file");
  const { validatePayoutBatch } = await import("../server/withdrawals/validate-payout-batch");

  const { merchantId } = await registerMerchant({ businessName: "Bench Batch", email: "bench-batch@saldo.test", password: "bench-batch-password-1" });
  await transaction((tx) => credit(tx, { merchantId, amount: 500_000_000, idempotencyKey: "bench:fund", reference: "bench" }));
  // 200 withdrawals of the last 24 h; some of them repeat a row of the file (flagged as duplicates).
  for (let i = 0; i < 200; i++) {
    await requestWithdrawal({ merchantId, amount: 10_000 + (i % 50) * 7, method: "dana", accountNumber: `0813${String(20_000_001 + i).slice(-8)}`, accountName: "Bench", actor: { type: "SYSTEM" } });
  }

  const methods = ["dana", "ovo", "gopay", "shopeepay", "bca", "bni", "bri", "mandiri"];
  const lines = ["amount,method,account_number,account_name,note,reference"];
  for (let i = 0; i < ROWS; i++) {
    const method = methods[i % methods.length]!;
    const digits = { bca: 10, bni: 10, bri: 15, mandiri: 13 }[method as "bca"] ?? 0;
    const account = digits ? String(1_000_000_000 + i).padStart(digits, "1").slice(-digits) : `0813${String(20_000_001 + i).slice(-8)}`;
    const amount = method === "dana" && i < 400 ? 10_000 + (i % 50) * 7 : 10_000 + i;
    lines.push(`${amount},${method},${account},Penerima ${i},Komisi ${i},REF-${i}`);
  }
  const csv = new TextEncoder().encode(lines.join("\n"));

  const started = performance.now();
  const rows = await parsePayoutFile({ fileName: "bench.csv", content: csv });
  const parsed = performance.now();
  const validation = await validatePayoutBatch({ merchantId, rows });
  const done = performance.now();

  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`batch validate: ${rows.length} rows (${(csv.byteLength / 1024).toFixed(0)} KiB CSV) on SQLite`);
  console.log(`  parse ${seconds(parsed - started)}, validate ${seconds(done - parsed)}, total ${seconds(done - started)} (goal < 5 s)`);
  console.log(`  valid ${validation.validCount}, errors ${validation.errorCount}, duplicates ${validation.duplicateCount}, total deduct Rp ${validation.totalDeduct.toLocaleString("id-ID")}`);
  // One JSON line for bench/run.mjs's table.
  console.log(JSON.stringify({ rows: rows.length, parseMs: Math.round(parsed - started), validateMs: Math.round(done - parsed), totalMs: Math.round(done - started), valid: validation.validCount }));
  if (process.env.BENCH_BATCH_SUBMIT === "1") {
    const { submitPayoutBatch } = await import("../server/withdrawals/submit-payout-batch");
    const { verifyInvariants } = await import("../server/ledger");
    const before = performance.now();
    const { batch } = await submitPayoutBatch({ merchantId, rows, confirmDuplicates: true, actor: { type: "SYSTEM" } });
    console.log(`  submit ${seconds(performance.now() - before)}: batch ${batch.id}, ${batch.rowCount} withdrawals reserved; ledger check ${(await verifyInvariants(db)).ok ? "clean" : "FAILED"}`);
  }
  await db.$disconnect();
  if (validation.validCount !== rows.length) process.exitCode = 1;
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
