// npm run bench:seed — the 1,000,000-ledger-row data set for the list benchmarks, made with bulk
// SQL (not use cases, which would take an hour): one big merchant with most of the history and
// many small ones, every journal balanced, every entry's balanceAfter the running sum of its
// account, every cached balance the sum of its entries, pending withdrawals with their holds — so
// `npm run ledger:check` passes on it. Plus audit-log rows and merchants for the admin lists.
//
//   npm run bench:seed                                   SQLite: data/bench-million.db (made afresh)
//   BENCH_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:seed
//                                                        …and PostgreSQL: database saldo_bench_million
//   BENCH_SEED_ROWS=200000 npm run bench:seed            a smaller set
//
// `seedLedger(url, rows)` is what `npm run bench` calls for its list row.
import { rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import bcrypt from "bcryptjs";
import pg from "pg";
import { migrate } from "../server/db-migrate";

export type SeedShape = {
  /** Ledger entries in all (two per journal, plus two per pending withdrawal). */
  entries: number;
  journals: number;
  merchants: number;
  bigMerchantId: string;
  bigMerchantWalletEntries: number;
  auditRows: number;
  pendingWithdrawals: number;
};

const SMALL_MERCHANTS = 2_000;
const PENDING_WITHDRAWALS = 300;
const WITHDRAWAL = 5_000;
const DAYS = 180;
export const BIG_MERCHANT = "bench_m0";

/** Seeds an empty, migrated database at `url` (file:… or postgresql://…) with about `rows` ledger entries. */
export async function seedLedger(url: string, rows = 1_000_000): Promise<SeedShape> {
  const journals = Math.max(1_000, Math.floor((rows - 2 * PENDING_WITHDRAWALS) / 2));
  const params = { journals, small: SMALL_MERCHANTS, start: Math.floor(Date.now() / 1000) - DAYS * 86_400, step: (DAYS * 86_400) / journals, audit: Math.floor(rows / 4) };
  const hash = bcrypt.hashSync("bench-not-a-login", 4);
  const sql = statements(url.startsWith("postgres") ? "postgres" : "sqlite", params, hash);
  if (url.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("BEGIN");
      for (const statement of sql) await client.query(statement);
      await client.query("COMMIT");
      await client.query("ANALYZE");
    } finally {
      await client.end();
    }
  } else {
    const file = url.replace(/^file:/, "");
    const sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = OFF");
    sqlite.pragma("temp_store = MEMORY");
    sqlite.pragma("cache_size = -200000");
    sqlite.transaction(() => {
      for (const statement of sql) sqlite.exec(statement);
    })();
    sqlite.exec("ANALYZE");
    sqlite.close();
  }
  return {
    entries: journals * 2 + PENDING_WITHDRAWALS * 2,
    journals: journals + PENDING_WITHDRAWALS,
    merchants: SMALL_MERCHANTS + 1,
    bigMerchantId: BIG_MERCHANT,
    bigMerchantWalletEntries: Array.from({ length: journals }, (_, i) => i + 1).filter((n) => n % 5 < 3).length,
    auditRows: params.audit,
    pendingWithdrawals: PENDING_WITHDRAWALS,
  };
}

type Params = { journals: number; small: number; start: number; step: number; audit: number };

/** The statements for one engine; the same data on both. */
function statements(engine: "sqlite" | "postgres", p: Params, passwordHash: string): string[] {
  const pgsql = engine === "postgres";
  const q = (name: string) => `"${name}"`;
  // n → a timestamp in Prisma's storage format (SQLite: ISO 8601 text with +00:00; PostgreSQL: timestamp(3) UTC).
  const ts = (n: string) =>
    pgsql
      ? `(to_timestamp(${p.start} + (${n}) * ${p.step}) AT TIME ZONE 'UTC')`
      : `strftime('%Y-%m-%dT%H:%M:%S.000+00:00', ${p.start} + (${n}) * ${p.step}, 'unixepoch')`;
  const now = pgsql ? `(now() AT TIME ZONE 'UTC')` : `strftime('%Y-%m-%dT%H:%M:%S.000+00:00', 'now')`;
  const series = (count: number | string, as: string) =>
    pgsql ? `(SELECT generate_series(1, ${count}) AS n) ${as}` : `(WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${count}) SELECT n FROM s) ${as}`;
  const cat = (...parts: string[]) => parts.join(" || ");
  const temp = pgsql ? "CREATE TEMP TABLE" : "CREATE TEMP TABLE";
  // Merchant index of journal n: 0 (the big merchant) for 3 in 5, else one of the small ones.
  const merchantOf = `CASE WHEN n % 5 < 3 THEN 0 ELSE 1 + ((n / 5) % ${p.small}) END`;
  const out: string[] = [];

  out.push(`${temp} bench_m AS SELECT n - 1 AS m FROM ${series(p.small + 1, "s")}`);
  out.push(
    `INSERT INTO ${q("Merchant")} (id, ${q("businessName")}, status, ${q("createdAt")}, ${q("updatedAt")})
     SELECT ${cat("'bench_m'", "CAST(m AS TEXT)")}, CASE WHEN m = 0 THEN 'Bench Big Merchant' ELSE ${cat("'Bench Merchant '", "CAST(m AS TEXT)")} END, 'ACTIVE', ${ts(`m * ${Math.floor(p.journals / (p.small + 1))}`)}, ${now} FROM bench_m`,
  );
  out.push(
    `INSERT INTO ${q("User")} (id, email, ${q("passwordHash")}, name, role, ${q("merchantId")}, ${q("createdAt")}, ${q("updatedAt")})
     SELECT ${cat("'bench_u'", "CAST(m AS TEXT)")}, ${cat("'bench'", "CAST(m AS TEXT)", "'@saldo.test'")}, '${passwordHash}', ${cat("'Bench '", "CAST(m AS TEXT)")}, 'MERCHANT', ${cat("'bench_m'", "CAST(m AS TEXT)")}, ${now}, ${now} FROM bench_m`,
  );
  for (const [kind, type] of [["wallet", "MERCHANT_WALLET"], ["hold", "MERCHANT_HOLD"]] as const) {
    out.push(
      `INSERT INTO ${q("LedgerAccount")} (id, code, type, ${q("merchantId")}, balance, ${q("createdAt")})
       SELECT ${cat(`'bench_${kind}'`, "CAST(m AS TEXT)")}, ${cat("'merchant:bench_m'", "CAST(m AS TEXT)", `':${kind}'`)}, '${type}', ${cat("'bench_m'", "CAST(m AS TEXT)")}, 0, ${now} FROM bench_m`,
    );
  }
  out.push(`INSERT INTO ${q("LedgerAccount")} (id, code, type, balance, ${q("createdAt")}) VALUES ('bench_clearing', 'system:provider_clearing', 'PROVIDER_CLEARING', 0, ${now})`);

  // The deposits: journal n credits merchant m(n) `amount`, from provider clearing.
  out.push(`${temp} bench_j AS SELECT n, ${merchantOf} AS m, 10000 + (n % 97) * 1000 AS amount FROM ${series(p.journals, "s")}`);
  out.push(
    `INSERT INTO ${q("LedgerJournal")} (id, ${q("idempotencyKey")}, type, reference, description, actor, ${q("createdAt")})
     SELECT ${cat("'bench_j'", "CAST(n AS TEXT)")}, ${cat("'bench:deposit:'", "CAST(n AS TEXT)")}, 'DEPOSIT', ${cat("'BENCH-'", "CAST(n AS TEXT)")}, 'Top-up (bench)', 'system:bench', ${ts("n")} FROM bench_j ORDER BY n`,
  );
  // Entries in posting order (ids rise with n), each with its account's running balance.
  out.push(
    `INSERT INTO ${q("LedgerEntry")} (${q("journalId")}, ${q("accountId")}, amount, ${q("balanceAfter")}, ${q("createdAt")})
     SELECT journal, account, amount, SUM(amount) OVER (PARTITION BY account ORDER BY n, side ROWS UNBOUNDED PRECEDING), at FROM (
       SELECT n, 0 AS side, ${cat("'bench_j'", "CAST(n AS TEXT)")} AS journal, ${cat("'bench_wallet'", "CAST(m AS TEXT)")} AS account, amount, ${ts("n")} AS at FROM bench_j
       UNION ALL
       SELECT n, 1 AS side, ${cat("'bench_j'", "CAST(n AS TEXT)")}, 'bench_clearing', -amount, ${ts("n")} FROM bench_j
     ) lines ORDER BY n, side`,
  );
  const syncBalances = `UPDATE ${q("LedgerAccount")} SET balance = COALESCE((SELECT SUM(amount) FROM ${q("LedgerEntry")} e WHERE e.${q("accountId")} = ${q("LedgerAccount")}.id), 0) WHERE id LIKE 'bench_%'`;
  out.push(syncBalances);

  // Pending withdrawals of the first small merchants: reserve (wallet → hold) with a pending hold.
  out.push(`${temp} bench_w AS SELECT n AS m FROM ${series(PENDING_WITHDRAWALS, "s")}`);
  out.push(
    `INSERT INTO ${q("LedgerJournal")} (id, ${q("idempotencyKey")}, type, reference, description, actor, ${q("createdAt")})
     SELECT ${cat("'bench_rj'", "CAST(m AS TEXT)")}, ${cat("'bench:reserve:'", "CAST(m AS TEXT)")}, 'HOLD_RESERVE', ${cat("'bench_wd'", "CAST(m AS TEXT)")}, 'Penarikan (bench)', 'system:bench', ${now} FROM bench_w ORDER BY m`,
  );
  out.push(
    `INSERT INTO ${q("LedgerEntry")} (${q("journalId")}, ${q("accountId")}, amount, ${q("balanceAfter")}, ${q("createdAt")})
     SELECT journal, account, amount, balance + amount, ${now} FROM (
       SELECT w.m, 0 AS side, ${cat("'bench_rj'", "CAST(w.m AS TEXT)")} AS journal, a.id AS account, -${WITHDRAWAL} AS amount, a.balance FROM bench_w w JOIN ${q("LedgerAccount")} a ON a.id = ${cat("'bench_wallet'", "CAST(w.m AS TEXT)")}
       UNION ALL
       SELECT w.m, 1, ${cat("'bench_rj'", "CAST(w.m AS TEXT)")}, a.id, ${WITHDRAWAL}, a.balance FROM bench_w w JOIN ${q("LedgerAccount")} a ON a.id = ${cat("'bench_hold'", "CAST(w.m AS TEXT)")}
     ) lines ORDER BY m, side`,
  );
  out.push(syncBalances);
  out.push(
    `INSERT INTO ${q("LedgerHold")} (id, ${q("idempotencyKey")}, ${q("merchantId")}, amount, status, reference, ${q("reserveJournalId")}, ${q("createdAt")})
     SELECT ${cat("'bench_h'", "CAST(m AS TEXT)")}, ${cat("'bench:hold:'", "CAST(m AS TEXT)")}, ${cat("'bench_m'", "CAST(m AS TEXT)")}, ${WITHDRAWAL}, 'PENDING', ${cat("'bench_wd'", "CAST(m AS TEXT)")}, ${cat("'bench_rj'", "CAST(m AS TEXT)")}, ${now} FROM bench_w`,
  );
  out.push(
    `INSERT INTO ${q("Withdrawal")} (id, ${q("merchantId")}, amount, fee, ${q("totalDeduct")}, method, ${q("accountNumber")}, ${q("accountName")}, status, ${q("holdId")}, ${q("createdAt")}, ${q("updatedAt")})
     SELECT ${cat("'bench_wd'", "CAST(m AS TEXT)")}, ${cat("'bench_m'", "CAST(m AS TEXT)")}, ${WITHDRAWAL}, 0, ${WITHDRAWAL}, 'dana', '081200000000', ${cat("'Bench '", "CAST(m AS TEXT)")}, 'pending', ${cat("'bench_h'", "CAST(m AS TEXT)")}, ${ts(`${p.journals} - m`)}, ${now} FROM bench_w`,
  );

  // The audit log: one row per four entries, spread over the merchants and a few actions.
  out.push(
    `INSERT INTO ${q("AuditLog")} (id, ${q("actorType")}, ${q("actorId")}, action, ${q("targetType")}, ${q("targetId")}, ${q("merchantId")}, ${q("createdAt")})
     SELECT ${cat("'bench_a'", "CAST(n AS TEXT)")}, CASE n % 3 WHEN 0 THEN 'PROVIDER' WHEN 1 THEN 'API_KEY' ELSE 'USER' END, 'bench',
            CASE n % 4 WHEN 0 THEN 'deposit.paid' WHEN 1 THEN 'deposit.create' WHEN 2 THEN 'withdraw.request' ELSE 'auth.login' END,
            'Deposit', ${cat("'bench_j'", "CAST(n AS TEXT)")}, ${cat("'bench_m'", "CAST(n % " + (p.small + 1) + " AS TEXT)")}, ${ts(`n * ${p.journals / Math.max(1, p.audit)}`)}
     FROM ${series(p.audit, "s")}`,
  );
  return out;
}

/** `npm run bench:seed`: a fresh SQLite file, and a fresh PostgreSQL database when BENCH_POSTGRES_URL is set. */
async function main() {
  const rows = Number(process.env.BENCH_SEED_ROWS ?? 1_000_000);
  const targets: { label: string; url: string }[] = [];
  const file = path.resolve(process.env.BENCH_SEED_FILE ?? "data/bench-million.db");
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  targets.push({ label: `SQLite ${file}`, url: `file:${file}` });
  if (process.env.BENCH_POSTGRES_URL) {
    const name = "saldo_bench_million";
    const admin = new pg.Client({ connectionString: process.env.BENCH_POSTGRES_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(process.env.BENCH_POSTGRES_URL);
    url.pathname = `/${name}`;
    targets.push({ label: `PostgreSQL ${url}`, url: url.toString() });
  }
  for (const target of targets) {
    const started = performance.now();
    await migrate(target.url);
    const shape = await seedLedger(target.url, rows);
    console.log(
      `${target.label}: ${shape.entries.toLocaleString("en")} ledger entries (${shape.journals.toLocaleString("en")} journals; ${BIG_MERCHANT} has ${shape.bigMerchantWalletEntries.toLocaleString("en")} wallet entries), ${shape.merchants} merchants, ${shape.auditRows.toLocaleString("en")} audit rows, ${shape.pendingWithdrawals} pending withdrawals in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(`  check it: DATABASE_URL=${target.url} npm run ledger:check`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
