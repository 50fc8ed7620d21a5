// Issue 13, "tests that must exist": the fuzz test's tRPC half. Every procedure of appRouter —
// enumerated from `_def.procedures` by tests/helpers/api-surface.ts, so a new one is fuzzed
// without touching this file — is called through createCaller as a merchant, as an admin and
// as a guest with generated bad input (the procedure's own zod schema corrupted field by field,
// or wholly wrong values). For every call: it succeeds harmlessly, or it throws a TRPCError whose
// HTTP status is 4xx and whose message carries no internal text; a refused call writes nothing
// to the money tables; Object.prototype stays clean. Subscriptions are opened, read for a
// moment and closed. At the end the ledger's invariants still hold. (REST and prepaid:
// tests/fuzz-rest-prepaid.test.ts.)
//
// FUZZ_RUNS scales the runs per procedure, FUZZ_SEED replays a failure fast-check reported.
import { vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_API_PER_MINUTE = "10000000";
  process.env.RATE_LIMIT_PUBLIC_PER_MINUTE = "10000000";
  process.env.RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE = "10000000";
});

import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import fc from "fast-check";
import type { Session } from "next-auth";
import { ZodError } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/verify-login";
import { hashPassword } from "@/server/auth/passwords";
import { db, engine, transaction } from "@/server/db";
import { createDeposit } from "@/server/deposits/create-deposit";
import { UNSTORABLE_TEXT_MESSAGE } from "@/server/http/storable-text";
import { verifyInvariants } from "@/server/ledger";
import { createCaller } from "@/server/trpc/root";
import { requestWithdrawal } from "@/server/withdrawals/request-withdrawal";
import { loadTrpcSurface, procedureOf, type TrpcProcedure } from "./helpers/api-surface";
import { createMerchant, createPrepaidMerchant, enrolTwoFactor, fund } from "./helpers/fixtures";
import { inputFor, nastyString, prototypePolluted, SAFE_URLS, toJsonText, type Hints } from "./helpers/fuzz-inputs";
import { changedTables, moneySnapshot } from "./helpers/money-snapshot";

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 25;
/** Calls refused for who the caller is (a merchant on an admin procedure…) need only a few runs. */
const ROLE_REFUSED_RUNS = 4;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const procedures = await loadTrpcSurface();

/** Internal text that must never reach a client. */
const LEAKS = [/prisma/i, /Invalid `/, /\n\s*at\s/, /\bat\s+\S+\s+\(/, /\.(ts|js|mjs|cjs):\d+/, /TypeError/, /ReferenceError/, /RangeError/, /Cannot read propert/, /is not a function/, /undefined is not/, /SQLITE_/i, /violates .* constraint/i, /\bP\d{4}\b/];

const clip = (value: unknown) => {
  let text: string;
  try {
    text = typeof value === "string" ? value : (toJsonText(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
};

type Who = "merchant" | "admin" | "guest";
const sessions: Record<Who, Session | null> = { merchant: null, admin: null, guest: null };
const ids = { own: [] as string[], other: [] as string[], otherMerchantId: "" };

const asSession = (user: SessionUser): Session => ({ user, expires: new Date(Date.now() + 3600_000).toISOString() }) as Session;

beforeAll(async () => {
  // The merchant whose session calls merchant procedures: some money, a deposit and a withdrawal of its own.
  // (with a prepaid username and key, so the prepaid and docs procedures get past "set them up first")
  const merchant = await createPrepaidMerchant("Toko tRPC Fuzz");
  await fund(merchant.merchantId, 5_000_000);
  const ownDeposit = await createDeposit({ merchantId: merchant.merchantId, method: "BANK_TRANSFER", amount: 50_000n, actor: { type: "SYSTEM", id: "fuzz" } });
  const ownWithdrawal = await requestWithdrawal({ merchantId: merchant.merchantId, amount: 20_000n, method: "dana", accountNumber: "081234567890", accountName: "Budi Santoso", actor: { type: "SYSTEM", id: "fuzz" } });
  const user = await db.user.findUniqueOrThrow({ where: { email: merchant.email } });
  sessions.merchant = asSession({ id: user.id, email: user.email, name: user.name, role: "MERCHANT", merchantId: merchant.merchantId, locale: user.locale });

  // Another merchant: its ids must stay out of the first merchant's reach.
  const other = await createMerchant("Toko Lain");
  await fund(other.merchantId, 1_000_000);
  const otherDeposit = await createDeposit({ merchantId: other.merchantId, method: "QRIS", amount: 10_000n, actor: { type: "SYSTEM", id: "fuzz" } });
  const otherWithdrawal = await requestWithdrawal({ merchantId: other.merchantId, amount: 20_000n, method: "dana", accountNumber: "081234567891", accountName: "Siti Aminah", actor: { type: "SYSTEM", id: "fuzz" } });

  const admin = await transaction(async (tx) =>
    tx.user.create({ data: { email: `admin-fuzz-${Date.now()}@saldo.test`, name: "Admin Fuzz", passwordHash: await hashPassword("admin-pass-1"), role: "ADMIN" } }),
  );
  await enrolTwoFactor(admin.id); // every admin has two-factor
  sessions.admin = asSession({ id: admin.id, email: admin.email, name: admin.name, role: "ADMIN", merchantId: null, locale: admin.locale });

  ids.own = [ownDeposit.id, ownWithdrawal.withdrawal.id];
  ids.other = [otherDeposit.id, otherWithdrawal.withdrawal.id];
  ids.otherMerchantId = other.merchantId;
});

afterAll(async () => {
  // `npm run ledger:check`: whatever the accepted calls did, the books still balance.
  expect((await verifyInvariants(db)).problems).toEqual([]);
});

/** Plausible values by field name: ids that exist (own and another merchant's) beside junk. */
function hints(): Hints {
  const id = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...ids.own, ...ids.other) }, { weight: 3, arbitrary: nastyString });
  return {
    id,
    depositId: id,
    eventId: id,
    mutationId: id,
    merchantId: fc.oneof(fc.constant(ids.otherMerchantId), nastyString),
    idempotencyKey: fc.oneof(fc.uuid(), nastyString),
    clientRef: fc.oneof(fc.uuid(), nastyString),
    amount: fc.oneof(fc.constantFrom(1n, 9_999n, 10_000n, 50_000n, 10n ** 12n, 10n ** 12n + 1n, -5n, 0n), fc.constantFrom(10_000, "10000")),
    url: fc.oneof(SAFE_URLS, nastyString),
    email: fc.oneof(fc.emailAddress(), nastyString),
    from: fc.oneof(fc.constantFrom("2024-01-01", "2024-02-29", "2025-12-31"), nastyString),
    to: fc.oneof(fc.constantFrom("2024-01-31", "2023-02-29", "2999-12-31"), nastyString),
    otp: fc.constantFrom("123456", "000000", "12345", "1234567", "abcdef", " 123456 "),
    trIds: fc.oneof(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 3 }), fc.constantFrom([2 ** 31], [Number.MAX_SAFE_INTEGER], [1.5], [])),
  };
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const SUBSCRIPTION_READ_MS = 150;
const CALL_TIMEOUT_MS = 15_000;

/** One call through createCaller; a subscription is opened, read for a moment and closed. */
async function invoke(proc: TrpcProcedure, who: Who, input: unknown): Promise<Outcome> {
  const abort = new AbortController();
  const caller = createCaller({ session: sessions[who], ip: "203.0.113.9" }, { signal: abort.signal });
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${proc.path} did not answer within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS);
  });
  try {
    const value = await Promise.race([
      (async () => {
        const result = await procedureOf(caller, proc.path)(input);
        if (proc.type !== "subscription") return result;
        const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
        try {
          const first = await Promise.race([iterator.next(), new Promise((resolve) => setTimeout(resolve, SUBSCRIPTION_READ_MS, "no event yet"))]);
          return first;
        } finally {
          abort.abort();
          await iterator.return?.();
        }
      })(),
      hung,
    ]);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

/** What is wrong with a refusal (empty when it is a proper 4xx). */
function refusalProblems(error: unknown): string[] {
  // A subscription's generator errors reach the client through the same formatter: anything
  // that is not a TRPCError is a 500 there.
  if (!(error instanceof TRPCError)) return [`threw ${error instanceof Error ? `${error.name}: ${clip(error.message)}` : clip(error)} (not a TRPCError: a 500 to the client)`];
  const problems: string[] = [];
  const status = getHTTPStatusCodeFromError(error);
  if (status >= 500) problems.push(`${error.code} (HTTP ${status}): ${clip(error.message)}; cause: ${clip(error.cause instanceof Error ? error.cause.message : error.cause)}`);
  for (const re of LEAKS) if (re.test(error.message)) problems.push(`message leaks ${re}: ${clip(error.message)}`);
  return problems;
}

/** Codes seen per procedure and caller, to show the fuzz got past the schemas. */
const seen = new Map<string, Map<string, number>>();
function tally(key: string, answer: string) {
  const counts = seen.get(key) ?? new Map<string, number>();
  counts.set(answer, (counts.get(answer) ?? 0) + 1);
  seen.set(key, counts);
}

/** "ok", the TRPCError code, with "(schema)" when the input schema refused it. */
function answerOf(outcome: Outcome): string {
  if (outcome.ok) return "ok";
  if (!(outcome.error instanceof TRPCError)) return "thrown";
  const atEdge = outcome.error.cause instanceof ZodError || outcome.error.message === UNSTORABLE_TEXT_MESSAGE;
  return atEdge ? `${outcome.error.code} (schema)` : outcome.error.code;
}

async function checkedCall(proc: TrpcProcedure, who: Who, input: unknown): Promise<Outcome> {
  const before = await moneySnapshot();
  const outcome = await invoke(proc, who, input);
  const after = await moneySnapshot();
  tally(`${proc.path} as ${who}`, answerOf(outcome));
  const problems: string[] = [];
  if (!outcome.ok) {
    problems.push(...refusalProblems(outcome.error));
    const changed = changedTables(before, after);
    if (changed.length) problems.push(`refused, yet wrote: ${changed.join(", ")}`);
  }
  if (prototypePolluted()) problems.push("Object.prototype was polluted");
  if (problems.length) throw new Error(`${proc.type} ${proc.path} as ${who} with ${clip(input)}\n  ${problems.join("\n  ")}`);
  return outcome;
}

const isRoleRefusal = (outcome: Outcome) => !outcome.ok && outcome.error instanceof TRPCError && (outcome.error.code === "FORBIDDEN" || outcome.error.code === "UNAUTHORIZED");

describe(`fuzz: every tRPC procedure on ${engine}`, () => {
  it.each(procedures.map((p) => [`${p.type} ${p.path}`, p] as const))("%s", async (_name, proc) => {
    const arbitrary = inputFor(proc.inputs, hints());
    for (const who of ["merchant", "admin", "guest"] as const) {
      // A first call without input: refused for the caller's role (before any input is read) → a few runs suffice.
      const probe = await checkedCall(proc, who, undefined);
      const numRuns = isRoleRefusal(probe) ? ROLE_REFUSED_RUNS : RUNS;
      await fc.assert(
        fc.asyncProperty(arbitrary, async (input) => {
          await checkedCall(proc, who, input);
        }),
        { numRuns, seed: SEED, endOnFailure: !!process.env.FUZZ_NO_SHRINK },
      );
    }
  });
});

// Inputs the fuzz once found answered with a 500, pinned so they stay fixed whatever the seed.
describe(`fuzz findings, pinned, on ${engine}`, () => {
  const proc = (path: string) => {
    const found = procedures.find((p) => p.path === path);
    if (!found) throw new Error(`no procedure ${path}`);
    return found;
  };
  const codeOf = (outcome: Outcome) => (outcome.ok ? "ok" : outcome.error instanceof TRPCError ? outcome.error.code : "thrown");

  it("a lone surrogate or a NUL in any field is BAD_REQUEST, not a failed query", async () => {
    for (const [path, who, input] of [
      ["deposits.forPayer", "guest", { id: "\udfff\ud800" }],
      ["deposits.get", "merchant", { id: "abc\u0000" }],
      ["treasury.setSweepRuleActive", "merchant", { id: "\ud800", active: true }],
      ["webhooks.resend", "merchant", { eventId: "\udfff" }],
      ["withdrawalDesk.reject", "admin", { id: "\ud800", note: "not paid out" }],
      ["bankMutations.assign", "admin", { mutationId: "\ud800", depositId: "x", note: "because" }],
      ["deposits.watch", "guest", { id: "\ud800" }],
    ] as const) {
      const outcome = await checkedCall(proc(path), who, input);
      expect(codeOf(outcome), path).toBe("BAD_REQUEST");
    }
  });

  it("webhooks.saveEndpoint updates an endpoint that exists (the second save was a 500)", async () => {
    const save = proc("webhooks.saveEndpoint");
    expect((await checkedCall(save, "merchant", { url: "http://127.0.0.1:9/first" })).ok).toBe(true);
    const second = await checkedCall(save, "merchant", { url: "http://127.0.0.1:9/second" });
    expect(second).toMatchObject({ ok: true, value: { secret: null } });
  });

  it("prepaid.watch refuses a tr_id past 32 bits (it failed the query on PostgreSQL)", async () => {
    expect(codeOf(await checkedCall(proc("prepaid.watch"), "merchant", { trIds: [2 ** 31] }))).toBe("BAD_REQUEST");
    expect(codeOf(await checkedCall(proc("prepaid.watch"), "merchant", { trIds: [2 ** 31 - 1] }))).toBe("ok");
  });
});

it("reached the use cases, not only the schemas", () => {
  if (process.env.FUZZ_STATS) for (const [key, counts] of seen) console.log(key, Object.fromEntries(counts));
  expect(seen.size).toBe(procedures.length * 3);
  // Per procedure, with the caller it is meant for: did any call get past the input schema and the role check?
  const reached = [...seen].filter(([, counts]) => [...counts.keys()].some((answer) => !answer.endsWith("(schema)") && answer !== "FORBIDDEN" && answer !== "UNAUTHORIZED" && answer !== "thrown"));
  const procsReached = new Set(reached.map(([key]) => key.split(" as ")[0]));
  expect(procsReached.size / procedures.length).toBeGreaterThan(0.9);
  const answers = [...seen.values()].flatMap((counts) => [...counts]);
  const count = (pred: (code: string) => boolean) => answers.filter(([code]) => pred(code)).reduce((n, [, c]) => n + c, 0);
  expect(count((c) => c === "ok")).toBeGreaterThan(procedures.length);
  expect(count((c) => c === "NOT_FOUND" || c === "CONFLICT")).toBeGreaterThan(10);
});
