// The server Playwright tests run against: a fresh SQLite database, migrated and seeded, and
// the production build (`next start`). Started by playwright.config.ts's webServer.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3100";
const dbFile = path.join("data", "e2e.db");
for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });

const env = {
  ...process.env,
  DATABASE_URL: `file:./${dbFile}`,
  NEXTAUTH_URL: `http://localhost:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-only-secret-not-for-production",
  NEXT_TELEMETRY_DISABLED: "1",
  BCRYPT_COST: "8",
};
const tsx = path.join("node_modules", ".bin", "tsx");
execFileSync(tsx, ["scripts/migrate.ts"], { env, stdio: "inherit" });
execFileSync(tsx, ["prisma/seed.ts"], { env, stdio: "inherit" });
if (!existsSync(path.join(".next", "BUILD_ID"))) execFileSync("npx", ["next", "build"], { env, stdio: "inherit" });

const server = spawn("npx", ["next", "start", "-p", port], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
