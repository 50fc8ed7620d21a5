// The servers Playwright tests run against: a fresh SQLite database, migrated and seeded, the
// production build (`next start`) on two ports — two app processes sharing one database, so a
// test can show that what one process receives reaches a page served by the other — and the
// worker. Started by playwright.config.ts's webServer, which waits for the second port.
import { spawn, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { startMailCatcher } from "./mail-catcher.mjs";

const ports = (process.env.E2E_PORTS ?? "3100,3101").split(",");
const dbFile = path.join("data", `e2e-${ports[0]}.db`);
for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });

// `next start` runs with NODE_ENV=production: this is a sandbox on SQLite, declared as such, with
// secrets of its own (the production check refuses short or published ones).
const secret = () => randomBytes(32).toString("base64url");
// Mail goes to a real SMTP server on port + 2; the tests read it over HTTP on port + 3 (e2e/mail.ts).
const mail = await startMailCatcher({ smtpPort: Number(ports[0]) + 2, httpPort: Number(ports[0]) + 3 });
const env = {
  ...process.env,
  DATABASE_URL: `file:./${dbFile}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secret(),
  SANDBOX_WEBHOOK_SECRET: process.env.SANDBOX_WEBHOOK_SECRET ?? secret(),
  BANK_MUTATION_SECRET: process.env.BANK_MUTATION_SECRET ?? secret(),
  DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY ?? secret(),
  NEXT_TELEMETRY_DISABLED: "1",
  BCRYPT_COST: "8",
  SANDBOX: "1",
  ALLOW_SANDBOX_IN_PRODUCTION: "1",
  // The tests' callback receivers listen on 127.0.0.1 (production refuses local callbacks otherwise).
  ALLOW_LOCAL_CALLBACKS: "1",
  SMTP_URL: mail.smtpUrl,
  MAIL_POLL_MS: "200",
  MAIL_RETRY_BASE_SECONDS: "1",
  // A revoked session ends in every process within this time (e2e/accounts.spec.ts waits for it).
  SESSION_REFRESH_SECONDS: "3",
};
const tsx = path.join("node_modules", ".bin", "tsx");
execFileSync(tsx, ["scripts/migrate.ts"], { env, stdio: "inherit" });
execFileSync(tsx, ["prisma/seed.ts"], { env, stdio: "inherit" });
if (!existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) execFileSync("npx", ["next", "build"], { env, stdio: "inherit" });

// The worker's sandbox callbacks go to the first app process.
const children = [spawn(tsx, ["server/jobs/worker.ts"], { env: { ...env, WORKER_INTERVAL_SECONDS: "2", APP_URL: `http://localhost:${ports[0]}`, AUTO_TOPUP_POLL_MS: "1000" }, stdio: "inherit" })];
function startServer(port) {
  // Each process hands out links (and sandbox callbacks) to itself.
  const url = `http://localhost:${port}`;
  const child = spawn("npx", ["next", "start", "-p", port], { env: { ...env, NEXTAUTH_URL: url, APP_URL: url }, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  child.on("exit", (code) => shutdown(code ?? 0));
  return new Promise((resolve) => {
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      if (/Ready/i.test(String(chunk))) resolve();
    });
  });
}
function shutdown(code) {
  for (const child of children) child.kill("SIGTERM");
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => shutdown(0));
for (const port of ports) await startServer(port);
