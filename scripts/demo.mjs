// npm run demo — migrate + seed the SQLite default, build, and serve on http://localhost:$PORT.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const port = process.env.PORT ?? "3000";
mkdirSync("data", { recursive: true });
// Secrets of this installation, generated on first run and kept in data/ (so a restart keeps
// people signed in and callers' signatures valid), unless given in the environment.
function installationSecret(name) {
  if (process.env[name]) return process.env[name];
  const file = path.join("data", `.${name.toLowerCase().replace(/_/g, "-")}`);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}
// `next start` runs with NODE_ENV=production; the demo declares itself a sandbox on SQLite
// (ALLOW_SANDBOX_IN_PRODUCTION lifts only those two refusals; secrets are still checked).
const env = {
  ...process.env,
  NEXTAUTH_SECRET: installationSecret("NEXTAUTH_SECRET"),
  SANDBOX_WEBHOOK_SECRET: installationSecret("SANDBOX_WEBHOOK_SECRET"),
  BANK_MUTATION_SECRET: installationSecret("BANK_MUTATION_SECRET"),
  DATA_ENCRYPTION_KEY: installationSecret("DATA_ENCRYPTION_KEY"),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
  SANDBOX: process.env.SANDBOX ?? "1",
  ALLOW_SANDBOX_IN_PRODUCTION: process.env.ALLOW_SANDBOX_IN_PRODUCTION ?? "1",
  // Callbacks to a receiver on this machine (http://localhost), as in development.
  ALLOW_LOCAL_CALLBACKS: process.env.ALLOW_LOCAL_CALLBACKS ?? "1",
  APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
};
const tsx = path.join("node_modules", ".bin", "tsx");

console.log("→ migrating the database");
execFileSync(tsx, ["scripts/migrate.ts"], { env, stdio: "inherit" });
console.log("→ seeding");
const seedOutput = execFileSync(tsx, ["prisma/seed.ts"], { env, encoding: "utf8" });
process.stdout.write(seedOutput);
console.log("→ building");
execFileSync("npx", ["next", "build"], { env, stdio: "inherit" });

console.log(`→ starting on http://localhost:${port}`);
const server = spawn("npx", ["next", "start", "-p", port], { env, stdio: ["ignore", "pipe", "inherit"] });
// The worker (expiry, deliveries) runs beside the web server, as it would in production.
const worker = spawn(tsx, ["server/jobs/worker.ts"], { env, stdio: "inherit" });
let announced = false;
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Ready/i.test(String(chunk))) {
    announced = true;
    console.log(`\nSaldo is running at http://localhost:${port} — SANDBOX: no real money moves\n${seedOutput.replace(/^Seeded:\n/, "Logins:\n")}`);
    console.log(`Upstream callback secrets (for the README's curl examples):\n  SANDBOX_WEBHOOK_SECRET=${env.SANDBOX_WEBHOOK_SECRET}\n  BANK_MUTATION_SECRET=${env.BANK_MUTATION_SECRET}\n`);
  }
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    worker.kill(signal);
    server.kill(signal);
  });
}
server.on("exit", (code) => {
  worker.kill("SIGTERM");
  process.exit(code ?? 0);
});
