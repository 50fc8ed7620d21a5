// Issue 12 — production refusal: each unsafe setting is named; every problem is reported at
// once; the check runs in the real server and worker processes, which exit non-zero.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { productionProblems } from "./production-check";

const strong = () => randomBytes(32).toString("base64url");
const root = path.resolve(import.meta.dirname, "..");

function safeProduction(): Record<string, string> {
  return {
    NODE_ENV: "production",
    DATABASE_URL: "postgresql://saldo@db.internal:5432/saldo",
    NEXTAUTH_SECRET: strong(),
    BANK_MUTATION_SECRET: strong(),
    PAYMENT_PROVIDER: "midtrans",
    MIDTRANS_SERVER_KEY: strong(),
    PAYOUT_PROVIDER: "midtrans",
    IRIS_CREATOR_KEY: strong(),
    IRIS_APPROVER_KEY: strong(),
    IRIS_MERCHANT_KEY: strong(),
    PREPAID_SUPPLIER: "iak",
    IAK_USERNAME: "081234567890",
    IAK_API_KEY: strong(),
    DATA_ENCRYPTION_KEY: strong(),
    SMTP_URL: "smtps://saldo:mail-password@smtp.internal:465",
  };
}

describe("production refusal", () => {
  it("accepts a production configuration with real providers, PostgreSQL and strong secrets", () => {
    expect(productionProblems(safeProduction(), root)).toEqual([]);
  });

  it("refuses a production start that could not send mail", () => {
    const { SMTP_URL: _unset, ...withoutMail } = safeProduction();
    expect(productionProblems(withoutMail, root)).toEqual([expect.stringMatching(/^SMTP_URL is missing/)]);
  });

  it("checks nothing outside production", () => {
    expect(productionProblems({ NODE_ENV: "development", SANDBOX: "1" }, root)).toEqual([]);
  });

  it.each([
    ["SANDBOX", "1", /SANDBOX is on/],
    ["PAYMENT_PROVIDER", "sandbox", /PAYMENT_PROVIDER is sandbox/],
    ["PAYOUT_PROVIDER", "sandbox", /PAYOUT_PROVIDER is sandbox/],
    ["PREPAID_SUPPLIER", "sandbox", /PREPAID_SUPPLIER is sandbox/],
    ["DATABASE_URL", "file:./data/saldo.db", /DATABASE_URL is SQLite/],
    ["NEXTAUTH_SECRET", "", /NEXTAUTH_SECRET is missing/],
    ["NEXTAUTH_SECRET", "short-secret", /NEXTAUTH_SECRET is shorter than 32/],
    ["BANK_MUTATION_SECRET", "bank-mutation-secret-change-me", /BANK_MUTATION_SECRET is (shorter|a value written)/],
    ["MIDTRANS_SERVER_KEY", "", /MIDTRANS_SERVER_KEY is missing/],
    ["IRIS_APPROVER_KEY", "x".repeat(10), /IRIS_APPROVER_KEY is shorter/],
    ["IAK_API_KEY", "", /IAK_API_KEY is missing/],
    ["IAK_API_KEY", "8286432937d9", /IAK_API_KEY is shorter than 16/],
    ["DATA_ENCRYPTION_KEY", "", /DATA_ENCRYPTION_KEY is missing/],
    ["DATA_ENCRYPTION_KEY", "fb1ac8c0d88c836763f1b2c56c6e21fe62e0ad8d3a56383085f71bdbf4086633", /DATA_ENCRYPTION_KEY is a value written/],
    ["DATA_ENCRYPTION_KEY", "x".repeat(40), /DATA_ENCRYPTION_KEY is not 32 bytes/],
  ])("refuses %s=%j", (name, value, message) => {
    const problems = productionProblems({ ...safeProduction(), [name]: value }, root);
    expect(problems.some((p) => message.test(p))).toBe(true);
  });

  it("accepts an IAK key of the length IAK issues (16–20 characters)", () => {
    expect(productionProblems({ ...safeProduction(), IAK_API_KEY: "469652fc9fa1e669" }, root)).toEqual([]);
  });

  it("treats an unset provider as the sandbox", () => {
    const source = safeProduction();
    delete source.PAYOUT_PROVIDER;
    expect(productionProblems(source, root)).toContain("PAYOUT_PROVIDER is sandbox (the default when unset); choose a real provider");
  });

  it("refuses a secret that is written in the README, however long", () => {
    const docs = mkdtempSync(path.join(os.tmpdir(), "saldo-readme-"));
    const published = "please-replace-this-with-a-long-random-value";
    writeFileSync(path.join(docs, "README.md"), `NEXTAUTH_SECRET=${published}\n`);
    expect(productionProblems({ ...safeProduction(), NEXTAUTH_SECRET: published }, docs)).toEqual([
      "NEXTAUTH_SECRET is a value written in the README or the code; generate a new one",
    ]);
  });

  it("requires the bank-mutation secret only while the bank-transfer ticket method is enabled", () => {
    const source = { ...safeProduction(), BANK_MUTATION_SECRET: "" };
    expect(productionProblems(source, root)).toContain("BANK_MUTATION_SECRET is missing");
    expect(productionProblems({ ...source, DEPOSIT_METHODS: '{"BANK_TRANSFER":{"enabled":false}}' }, root)).toEqual([]);
  });

  it("lets a staging box run the sandbox on SQLite but still checks its secrets", () => {
    const staging = { NODE_ENV: "production", ALLOW_SANDBOX_IN_PRODUCTION: "1", SANDBOX: "1", DATABASE_URL: "file:./data/saldo.db", NEXTAUTH_SECRET: strong(), BANK_MUTATION_SECRET: strong(), SANDBOX_WEBHOOK_SECRET: strong(), DATA_ENCRYPTION_KEY: strong() };
    expect(productionProblems(staging, root)).toEqual([]);
    expect(productionProblems({ ...staging, SANDBOX_WEBHOOK_SECRET: "sandbox-webhook-secret-change-me" }, root)).toEqual(["SANDBOX_WEBHOOK_SECRET is a value written in the README or the code; generate a new one"]);
  });

  it("reports every problem, not only the first", () => {
    const problems = productionProblems({ NODE_ENV: "production", SANDBOX: "1" }, root);
    expect(problems.length).toBeGreaterThanOrEqual(6);
  });

  it("stops the real worker process with a non-zero exit and one line per problem", () => {
    const run = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["server/jobs/worker.ts"], {
      cwd: root,
      env: { PATH: process.env.PATH, NODE_ENV: "production", SANDBOX: "1", DATABASE_URL: "file:./data/never-created.db", NEXTAUTH_SECRET: "short" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("refusing to start in production");
    expect(run.stderr).toContain("SANDBOX is on");
    expect(run.stderr).toContain("DATABASE_URL is SQLite");
    expect(run.stderr).toContain("NEXTAUTH_SECRET is shorter than 32 characters");
  });
});
