// npm run demo — migrate + seed the SQLite default, build, and serve on http://localhost:$PORT.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const port = process.env.PORT ?? "3000";
mkdirSync("data", { recursive: true });
// A stable session secret for this installation, so restarting the demo keeps people signed in.
const secretFile = path.join("data", ".nextauth-secret");
if (!process.env.NEXTAUTH_SECRET && !existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
const env = {
  ...process.env,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? readFileSync(secretFile, "utf8").trim(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
  SANDBOX: process.env.SANDBOX ?? "1",
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
    console.log(`\nSaldo is running at http://localhost:${port}\n${seedOutput.replace(/^Seeded:\n/, "Logins:\n")}`);
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
