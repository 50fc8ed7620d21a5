// Issue 12 — a production start that could mint money stops: `next start` (the real server
// process, against this run's production build) exits non-zero and names every problem.
import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";

test("next start refuses sandbox providers, SQLite and missing secrets in production, naming each", () => {
  const run = spawnSync("npx", ["next", "start", "-p", "3198"], {
    // `next start` sets NODE_ENV=production itself; it is given here too for the types.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: "1", SANDBOX: "1", DATABASE_URL: "file:./data/refused.db", NEXTAUTH_SECRET: "short", NODE_ENV: "production" },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.status).not.toBe(0);
  const output = `${run.stdout}\n${run.stderr}`;
  expect(output).toContain("[server] refusing to start in production:");
  for (const line of [
    "SANDBOX is on",
    "PAYMENT_PROVIDER is sandbox",
    "PAYOUT_PROVIDER is sandbox",
    "PREPAID_SUPPLIER is sandbox",
    "DATABASE_URL is SQLite",
    "NEXTAUTH_SECRET is shorter than 32 characters",
    "BANK_MUTATION_SECRET is missing",
  ]) expect(output).toContain(line);
});
