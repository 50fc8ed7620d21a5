// npm run bench — the chart and overview reads over a large ledger: one merchant whose wallet
// has BENCH_JOURNALS deposits (default 500 000 → a million LedgerEntry rows with their clearing
// side) spread over the last year, on a fresh SQLite database (and PostgreSQL when
// TEST_POSTGRES_URL is set). Rows are written with one INSERT … SELECT each, not through the use
// cases: what is measured is the reads, which aggregate in SQL over (accountId, createdAt).
//   BENCH_JOURNALS=500000 npx tsx bench/insights-million.ts sqlite
import { createTestDatabase } from "../tests/test-database";

const JOURNALS = Number(process.env.BENCH_JOURNALS ?? 500_000);
const engine = process.argv[2] ?? "sqlite";

process.env.SANDBOX = "1";
process.env.BCRYPT_COST = "4";
const database = await createTestDatabase(engine);
process.env.DATABASE_URL = database.url;

const { db, transaction } = await import("../server/db");
const { createMerchant } = await import("../tests/helpers/fixtures");
const { systemAccount, walletCode } = await import("../server/ledger");
const { getMerchantCharts } = await import("../server/insights/get-merchant-charts");
const { getMerchantSummary } = await import("../server/insights/get-merchant-summary");
const { getAdminOverview } = await import("../server/insights/get-admin-overview");

const { merchantId } = await createMerchant("Bench Grafik");
const wallet = await db.ledgerAccount.findUniqueOrThrow({ where: { code: walletCode(merchantId) } });
const clearing = await transaction((tx) => systemAccount(tx, "providerClearing"));
const YEAR_SECONDS = 365 * 24 * 3600;
const start = Math.floor(Date.now() / 1000) - YEAR_SECONDS;
const step = YEAR_SECONDS / JOURNALS;

const loading = performance.now();
if (engine === "postgres") {
  await db.$executeRawUnsafe(`INSERT INTO "LedgerJournal" (id, "idempotencyKey", type, reference, "createdAt")
    SELECT 'bj' || n, 'bench:' || n, 'DEPOSIT', 'bench', to_timestamp(${start} + n * ${step}) AT TIME ZONE 'UTC' FROM generate_series(1, ${JOURNALS}) n`);
  await db.$executeRawUnsafe(`INSERT INTO "LedgerEntry" ("journalId", "accountId", amount, "balanceAfter", "createdAt")
    SELECT 'bj' || n, a.id, CASE WHEN a.id = '${wallet.id}' THEN 1000 ELSE -1000 END, CASE WHEN a.id = '${wallet.id}' THEN n * 1000 ELSE -n * 1000 END, to_timestamp(${start} + n * ${step}) AT TIME ZONE 'UTC'
    FROM generate_series(1, ${JOURNALS}) n CROSS JOIN (VALUES ('${wallet.id}'), ('${clearing.id}')) AS a(id) ORDER BY n`);
} else {
  const at = `strftime('%Y-%m-%dT%H:%M:%S.000+00:00', ${start} + CAST(n * ${step} AS INTEGER), 'unixepoch')`;
  const series = `WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${JOURNALS})`;
  await db.$executeRawUnsafe(`${series} INSERT INTO "LedgerJournal" (id, "idempotencyKey", type, reference, "createdAt") SELECT 'bj' || n, 'bench:' || n, 'DEPOSIT', 'bench', ${at} FROM s`);
  for (const [account, sign] of [[wallet.id, 1], [clearing.id, -1]] as const) {
    await db.$executeRawUnsafe(`${series} INSERT INTO "LedgerEntry" ("journalId", "accountId", amount, "balanceAfter", "createdAt") SELECT 'bj' || n, '${account}', ${sign * 1000}, ${sign} * n * 1000, ${at} FROM s`);
  }
}
if (engine === "postgres") await db.$executeRawUnsafe(`ANALYZE "LedgerEntry"`);
else await db.$executeRawUnsafe(`ANALYZE`);
const entries = await db.ledgerEntry.count();
console.log(`${engine}: loaded ${entries} ledger entries in ${((performance.now() - loading) / 1000).toFixed(1)} s`);

async function time<T>(label: string, run: () => Promise<T>, repeat = 5) {
  await run(); // warm
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  console.log(`${engine}: ${label}: median ${samples[Math.floor(samples.length / 2)]!.toFixed(1)} ms (min ${samples[0]!.toFixed(1)}, max ${samples.at(-1)!.toFixed(1)})`);
}

await time("merchant charts, 30 days", () => getMerchantCharts({ merchantId, period: 30 }));
await time("merchant charts, 90 days", () => getMerchantCharts({ merchantId, period: 90 }));
await time("merchant summary", () => getMerchantSummary({ merchantId }));
await time("admin overview", () => getAdminOverview());

await db.$disconnect();
await database.drop();
