// The one database module. DATABASE_URL picks the engine: `postgres…` → PostgreSQL through
// @prisma/adapter-pg, anything else (or unset) → SQLite through better-sqlite3. Both clients
// are generated from the same schema, so one set of types serves both.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaClient as SqliteClient, Prisma } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { env } from "./env";
import { engineOf, sqliteFilePath, type Engine } from "./db-url";

export type Db = SqliteClient;
export type Tx = Prisma.TransactionClient;
export { Prisma };
export type { Engine };
// The model types, for every module that names a row: this is the one import of them. Both
// generated clients declare the same models, so the SQLite client's types serve PostgreSQL too.
export type {
  ApiKey,
  AuditLog,
  BankMutation,
  DeliveryAttempt,
  Deposit,
  DirectDebitMandate,
  IdempotencyRecord,
  LedgerAccount,
  LedgerEntry,
  LedgerHold,
  LedgerJournal,
  Merchant,
  Notification,
  OutboxEvent,
  PaymentLink,
  PayoutBatch,
  PrepaidOrder,
  PrepaidProduct,
  ProviderEvent,
  RateLimitBucket,
  SweepRule,
  SweepRun,
  User,
  WebhookEndpoint,
  Withdrawal,
} from "./generated/sqlite/client";

// Interactive transactions queue behind each other on SQLite's single connection, so the
// wait to start one must cover a burst of requests, not Prisma's 2 s default.
const TRANSACTION_OPTIONS = { maxWait: 60_000, timeout: 60_000 };

class SqliteAdapter extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    // Per-connection settings: enforce foreign keys, let readers run beside the writer.
    await adapter.executeScript("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    reusePreparedStatements((adapter as unknown as { client: SqliteConnection }).client);
    return adapter;
  }
}

type SqliteStatement = {
  reader: boolean;
  columns(): unknown[];
  run(...args: unknown[]): unknown;
  raw(on: boolean): { all(...args: unknown[]): unknown[] };
};
type SqliteConnection = { prepare(sql: string): SqliteStatement };
const PREPARED_CACHE_SIZE = 500;

/**
 * The Prisma adapter prepares every statement anew and binds its arguments to it (a tenth of the
 * CPU time of a notification, measured). Here each SQL text is prepared once per connection and
 * the arguments are passed per call instead, which better-sqlite3 allows for a statement without
 * bound parameters. The adapter uses only `bind(args)` then `reader`/`columns()`/`run()`/`raw().all()`
 * — synchronous calls, so a cached statement is never in use twice at once.
 */
function reusePreparedStatements(connection: SqliteConnection) {
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, SqliteStatement>();
  connection.prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (cache.size >= PREPARED_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
    }
    const prepared = statement;
    const withArgs = (args: unknown[] = []) => ({
      reader: prepared.reader,
      columns: () => prepared.columns(),
      run: () => prepared.run(...args),
      raw: () => ({ all: () => prepared.raw(true).all(...args) }),
    });
    return { ...withArgs(), bind: withArgs } as unknown as SqliteStatement;
  };
}

const clientEngines = new WeakMap<Db, Engine>();

export function createDb(url: string): Db {
  if (engineOf(url) === "postgres") {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    const client = new PostgresClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }) as unknown as Db;
    clientEngines.set(client, "postgres");
    return client;
  }
  const file = sqliteFilePath(url);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // `timeout` is SQLite's busy timeout: another process holding the write lock is waited for.
  const adapter = new SqliteAdapter({ url: file, timeout: 20_000 });
  const client = new SqliteClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
  clientEngines.set(client, "sqlite");
  return client;
}

const globalForDb = globalThis as unknown as { saldoDb?: Db };
export const db: Db = globalForDb.saldoDb ?? createDb(env.DATABASE_URL);
if (env.NODE_ENV !== "production") globalForDb.saldoDb = db;
export const engine: Engine = engineOf(env.DATABASE_URL);

/**
 * A committed read of one statement, off Prisma's per-query pipeline (its query compiler and
 * interpreter were ~17% of GET /api/v1/balance's CPU, measured): on a connection of its own — a
 * read-only better-sqlite3 handle (WAL: it sees committed data only, never a request's open
 * transaction on Prisma's connection) or a small pg pool whose statements are prepared once per
 * connection. For the hottest single-statement reads only; `?` placeholders on both engines.
 */
export async function readCommitted<Row>(sql: string, args: (string | number | bigint)[]): Promise<Row[]> {
  if (engine === "postgres") {
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    if (!readPool) {
      readPool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4, allowExitOnIdle: true });
      // An idle connection the server ended (a restart, a dropped test database) is discarded by the
      // pool; without a listener its error would be an uncaught exception.
      readPool.on("error", (error) => console.warn(`[db] read pool: idle connection lost (${error.message})`));
    }
    const result = await readPool.query({ name: `read:${preparedNames.get(text) ?? nameStatement(text)}`, text, values: args.map((a) => (typeof a === "bigint" ? a.toString() : a)) });
    return result.rows as Row[];
  }
  if (!readConnection) {
    readConnection = new Database(sqliteFilePath(env.DATABASE_URL), { readonly: true, timeout: 20_000 });
    readConnection.defaultSafeIntegers(true);
  }
  let statement = readStatements.get(sql);
  if (!statement) readStatements.set(sql, (statement = readConnection.prepare(sql)));
  return statement.all(...args) as Row[];
}
let readPool: pg.Pool | undefined;
let readConnection: Database.Database | undefined;
const readStatements = new Map<string, Database.Statement>();
const preparedNames = new Map<string, string>();
function nameStatement(text: string): string {
  const name = String(preparedNames.size + 1);
  preparedNames.set(text, name);
  return name;
}

// A no-op write: on SQLite it takes the database's write lock at the start of the transaction
// (like BEGIN IMMEDIATE), so two processes never both read and then race to upgrade their lock.
const SQLITE_TAKE_WRITE_LOCK = `DELETE FROM "RateLimitBucket" WHERE 0`;

function isRetryable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  // P2002: a concurrent twin inserted the same idempotency key first — the retry finds it.
  // P2034: write conflict or deadlock. P1008: SQLite stayed busy past its timeout.
  if (code === "P2002" || code === "P2034" || code === "P1008") return true;
  return /deadlock detected|could not serialize|database is locked|SQLITE_BUSY/i.test(error.message);
}

/**
 * Runs `work` in one database transaction, retried a few times when it lost a race that a
 * fresh attempt resolves (a duplicate idempotency key, a write conflict, a busy SQLite file).
 */
export async function transaction<T>(work: (tx: Tx) => Promise<T>, client: Db = db, options?: { timeout?: number; maxWait?: number }): Promise<T> {
  const maxAttempts = 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.$transaction(async (tx) => {
        if ((clientEngines.get(client) ?? engine) === "sqlite") await tx.$executeRawUnsafe(SQLITE_TAKE_WRITE_LOCK);
        return work(tx);
      }, options ? { ...TRANSACTION_OPTIONS, ...options } : undefined);
    } catch (error) {
      if (attempt >= maxAttempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20 * attempt));
    }
  }
}
