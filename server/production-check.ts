// A production start is a promise that no money can be created out of nothing: with
// NODE_ENV=production the server and the worker refuse to start while any setting below would
// let that happen, and name every problem at once (`npm run doctor` prints the same list).
// Reads the raw environment, so it also runs before `server/env.ts` would throw on it.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const MIN_SECRET_LENGTH = 32;
/**
 * Keys a provider issues have the length the provider gives them: IAK's prepaid API keys are
 * 16–20 characters (seen in IAK's published samples), and Saldo cannot make them longer.
 */
const ISSUED_KEY_MIN_LENGTH: Record<string, number> = { IAK_API_KEY: 16 };

/** Values that were ever written in the code or the docs; a secret equal to one is public. */
const KNOWN_VALUES = new Set([
  "sandbox-webhook-secret-change-me",
  "bank-mutation-secret-change-me",
  "change-me",
  "changeme",
  "secret",
  "development-secret",
  "test-secret",
]);

type Source = Record<string, string | undefined>;

const on = (value: string | undefined) => value === "1" || value === "true";

/** Text of the files whose literal values must never be a production secret. */
function publicTexts(root: string): string[] {
  return ["README.md", ".env.example", path.join("server", "env.ts")]
    .map((file) => path.join(root, file))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, "utf8"));
}

function secretProblem(name: string, value: string | undefined, texts: string[]): string | null {
  if (!value) return `${name} is missing`;
  const minimum = ISSUED_KEY_MIN_LENGTH[name] ?? MIN_SECRET_LENGTH;
  if (value.length < minimum) return `${name} is shorter than ${minimum} characters`;
  if (KNOWN_VALUES.has(value) || texts.some((text) => text.includes(value))) return `${name} is a value written in the README or the code; generate a new one`;
  return null;
}

/** The secrets the configured features need, by environment variable name. */
export function requiredSecrets(source: Source): string[] {
  const names = ["NEXTAUTH_SECRET"];
  const sandboxAllowed = on(source.ALLOW_SANDBOX_IN_PRODUCTION);
  if (sandboxAllowed && on(source.SANDBOX)) names.push("SANDBOX_WEBHOOK_SECRET");
  if (bankTransferEnabled(source)) names.push("BANK_MUTATION_SECRET");
  if (source.PAYMENT_PROVIDER === "midtrans") names.push("MIDTRANS_SERVER_KEY");
  if (source.PAYOUT_PROVIDER === "midtrans") names.push("IRIS_CREATOR_KEY", "IRIS_APPROVER_KEY", "IRIS_MERCHANT_KEY");
  if (source.PREPAID_SUPPLIER === "iak") names.push("IAK_API_KEY");
  // Seals secrets at rest (the prepaid API keys); always needed, whatever the providers.
  names.push("DATA_ENCRYPTION_KEY");
  return names;
}

/** The bank-transfer ticket method is on unless DEPOSIT_METHODS switches it off. */
function bankTransferEnabled(source: Source): boolean {
  if (!source.DEPOSIT_METHODS) return true;
  try {
    const overrides = JSON.parse(source.DEPOSIT_METHODS) as { BANK_TRANSFER?: { enabled?: boolean } };
    return overrides.BANK_TRANSFER?.enabled !== false;
  } catch {
    return true;
  }
}

/** Every reason this configuration may not serve real money; empty when it may. */
export function productionProblems(source: Source = process.env, root = process.cwd()): string[] {
  if (source.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  const sandboxAllowed = on(source.ALLOW_SANDBOX_IN_PRODUCTION);

  if (!sandboxAllowed) {
    if (on(source.SANDBOX)) problems.push("SANDBOX is on (set ALLOW_SANDBOX_IN_PRODUCTION=1 only on a staging box)");
    for (const name of ["PAYMENT_PROVIDER", "PAYOUT_PROVIDER", "PREPAID_SUPPLIER"]) {
      const value = source[name] ?? "sandbox";
      if (value === "sandbox") problems.push(`${name} is sandbox${source[name] ? "" : " (the default when unset)"}; choose a real provider`);
    }
    const url = source.DATABASE_URL ?? "file:./data/saldo.db";
    if (url.startsWith("file:") || url.endsWith(".db")) problems.push("DATABASE_URL is SQLite; production runs on PostgreSQL");
  }
  const texts = publicTexts(root);
  for (const name of requiredSecrets(source)) {
    const problem = secretProblem(name, source[name], texts);
    if (problem) problems.push(problem);
  }
  if (source.PREPAID_SUPPLIER === "iak" && !source.IAK_USERNAME) problems.push("IAK_USERNAME is missing");
  // Password resets, invitations and sign-in alerts must leave the building; a staging box
  // (sandbox allowed) may keep its mail in the database instead.
  if (!sandboxAllowed && !source.SMTP_URL) problems.push("SMTP_URL is missing; mail (password resets, invitations, sign-in alerts) could not be sent");
  if (source.DATA_ENCRYPTION_KEY && !/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/.test(source.DATA_ENCRYPTION_KEY.trim())) {
    problems.push("DATA_ENCRYPTION_KEY is not 32 bytes as 64 hex characters or base64 (e.g. `openssl rand -base64 32`)");
  }
  return problems;
}

/** Exits the process, naming every problem, when this production start would be unsafe. */
export function refuseUnsafeProductionStart(processName: string, source: Source = process.env): void {
  const problems = productionProblems(source);
  if (problems.length === 0) return;
  console.error(`[${processName}] refusing to start in production:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  console.error("Run `npm run doctor` to see the effective configuration.");
  process.exit(1);
}
