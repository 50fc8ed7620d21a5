// Applies the checked-in migrations (prisma/migrations/<engine>/*/migration.sql) in order and
// records them in `_prisma_migrations` exactly as `prisma migrate deploy` does, so a machine
// with Prisma's native engines accepts the same database. Needs no download: plain pg and
// better-sqlite3.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { engineOf, sqliteFilePath, type Engine } from "./db-url";

export type Migration = { name: string; sql: string; checksum: string };
export type MigrateResult = { applied: string[]; skipped: string[]; changed: string[] };

export function readMigrations(engine: Engine, root = path.join(process.cwd(), "prisma", "migrations")): Migration[] {
  const dir = path.join(root, engine);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

function plan(migrations: Migration[], applied: Map<string, string>): MigrateResult & { pending: Migration[] } {
  const result = { applied: [] as string[], skipped: [] as string[], changed: [] as string[], pending: [] as Migration[] };
  for (const migration of migrations) {
    const checksum = applied.get(migration.name);
    if (checksum === undefined) result.pending.push(migration);
    else {
      result.skipped.push(migration.name);
      if (checksum !== migration.checksum) result.changed.push(migration.name);
    }
  }
  return result;
}

function migrateSqlite(url: string, migrations: Migration[]): MigrateResult {
  const file = sqliteFilePath(url);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const conn = new Database(file, { timeout: 20_000 });
  try {
    conn.pragma("journal_mode = WAL");
    conn.exec(SQLITE_TABLE);
    const rows = conn
      .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`)
      .all() as { migration_name: string; checksum: string }[];
    const result = plan(migrations, new Map(rows.map((r) => [r.migration_name, r.checksum])));
    for (const migration of result.pending) {
      conn.transaction(() => {
        conn.exec(migration.sql);
        conn
          .prepare(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
             VALUES (?, ?, current_timestamp, ?, current_timestamp, 1)`,
          )
          .run(randomUUID(), migration.checksum, migration.name);
      })();
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    conn.close();
  }
}

// Same key as Prisma's migrate lock, so two deployers never migrate at once.
const ADVISORY_LOCK = 72707369;

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK]);
    await client.query(POSTGRES_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
    );
    const result = plan(migrations, new Map(rows.map((r) => [r.migration_name, r.checksum])));
    for (const migration of result.pending) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK]).catch(() => undefined);
    await client.end();
  }
}

export async function migrate(url: string): Promise<MigrateResult> {
  const engine = engineOf(url);
  const migrations = readMigrations(engine);
  return engine === "postgres" ? migratePostgres(url, migrations) : migrateSqlite(url, migrations);
}
