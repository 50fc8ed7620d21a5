// Creates an empty, fully migrated database for one test file: a temporary SQLite file, or a
// new PostgreSQL database next to TEST_POSTGRES_URL's. Nothing a previous run left behind is used.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "../server/db-migrate";

export type TestDatabase = { url: string; engine: "sqlite" | "postgres"; drop: () => Promise<void> };

export async function createTestDatabase(engine = process.env.TEST_DB_ENGINE ?? "sqlite"): Promise<TestDatabase> {
  const suffix = `${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  if (engine === "postgres") {
    const admin = process.env.TEST_POSTGRES_URL;
    if (!admin) throw new Error("TEST_DB_ENGINE=postgres needs TEST_POSTGRES_URL");
    const name = `saldo_test_${suffix}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    await migrate(url.toString());
    return {
      url: url.toString(),
      engine: "postgres",
      drop: async () => {
        const c = new pg.Client({ connectionString: admin });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const file = path.join(os.tmpdir(), `saldo-test-${suffix}.db`);
  await migrate(`file:${file}`);
  return {
    url: `file:${file}`,
    engine: "sqlite",
    drop: async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    },
  };
}
