// Issue 13, item 6 — errors: tRPC never sends internal error text (Prisma messages, stacks) to the
// client, only "Internal error (ref: …)" with the detail in the server log; bad input (an
// impossible date) is a 400, never a 500, in tRPC and in the statement download route.
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Session } from "next-auth";
import { afterEach, describe, expect, it, vi } from "vitest";

const portalSession = vi.hoisted(() => ({ current: null as Session | null }));
vi.mock("@/server/auth/options", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/auth/options")>()),
  getSession: async () => portalSession.current,
}));

import { GET as statementGet } from "@/app/api/wallet/statement/route";
import { createMerchant, fund } from "../../tests/helpers/fixtures";
import { verifyLogin, type SessionUser } from "../auth/verify-login";
import { AppError } from "../errors";
import { createCallerFactory, publicProcedure, router, type TrpcContext } from "./init";
import { appRouter, createCaller } from "./root";

const SECRET_DETAIL = 'Invalid `prisma.ledgerEntry.findMany()` invocation: column "Merchant"."prepaidApiKey" at server/ledger/balances.ts:42';
const REF = /^Kesalahan internal \(ref: ([0-9a-f]{12})\) \/ Internal error \(ref: \1\)$/;

// A router of failures, built from the same procedures every real router uses.
const failing = router({
  failsInside: publicProcedure.query(() => {
    throw new Error(SECRET_DETAIL);
  }),
  ledgerUnbalanced: publicProcedure.query(() => {
    throw new AppError("LEDGER_UNBALANCED", `journal j_1 does not sum to zero: ${SECRET_DETAIL}`);
  }),
});

const sessionOf = (user: SessionUser): Session => ({ user, expires: new Date(Date.now() + 3600_000).toISOString() });

async function merchantSession() {
  const m = await createMerchant();
  return { m, session: sessionOf(await verifyLogin({ email: m.email, password: m.password }, { ip: "192.0.2.70" })) };
}

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

function httpCall(path: string, input: unknown, createContext: () => Promise<TrpcContext> | TrpcContext, routerToServe: typeof appRouter | typeof failing = appRouter) {
  const url = `http://localhost/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return fetchRequestHandler({ endpoint: "/api/trpc", req: new Request(url), router: routerToServe, createContext: async () => createContext() });
}

afterEach(() => {
  vi.restoreAllMocks();
  portalSession.current = null;
});

describe("13.6 errors", () => {
  it("13.6 wallet.history with an impossible date is a 400 with a validation message, not Prisma's text", async () => {
    const { session } = await merchantSession();
    const caller = createCaller({ session, ip: "192.0.2.71" });
    for (const from of ["2024-13-45", "2024-02-30", "2023-02-29", "0000-01-01"]) {
      const error = await trpcError(caller.wallet.history({ page: 1, pageSize: 20, from }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).not.toMatch(/prisma|invocation|Invalid value|Date object/i);
    }
    await expect(caller.wallet.history({ page: 1, pageSize: 20, from: "2024-02-29", to: "2024-12-31" })).resolves.toMatchObject({ total: 0 });
    // The other date inputs share the schema.
    expect((await trpcError(caller.treasury.statement({ from: "2024-13-45" }))).code).toBe("BAD_REQUEST");

    const res = await httpCall("wallet.history", { page: 1, pageSize: 20, from: "2024-13-45" }, () => ({ session, ip: "192.0.2.71" }));
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/prisma|invocation|Date object/i);
  });

  it("13.6 an internal failure reaches a server-side caller as 'Internal error (ref: …)', its detail only in the log", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const caller = createCallerFactory(failing)({ session: null });
    for (const call of [() => caller.failsInside(), () => caller.ledgerUnbalanced()]) {
      log.mockClear();
      const error = await trpcError(call());
      expect(error.code).toBe("INTERNAL_SERVER_ERROR");
      expect(error.message).toMatch(REF);
      expect(error.message).not.toContain("prisma");
      expect(error.cause).toBeUndefined();
      const ref = REF.exec(error.message)![1]!;
      const logged = log.mock.calls.map((args) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(" ")).join("\n");
      expect(logged).toContain(ref);
      expect(logged).toContain("prisma.ledgerEntry.findMany()");
    }
  });

  it("13.6 over HTTP the answer is a 500 with the reference only: no message text, no stack", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const res = await httpCall("failsInside", undefined, () => ({ session: null }), failing);
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).not.toMatch(/prisma|balances\.ts|at .*\.ts/i);
    const message = (JSON.parse(body) as { error: { json: { message: string } } }).error.json.message;
    expect(message).toMatch(REF);
    expect(log.mock.calls.flat().join(" ")).toContain(REF.exec(message)![1]!);

    // A failure before any procedure runs (creating the context) is concealed the same way.
    const broken = await httpCall("wallet.summary", undefined, () => Promise.reject(new Error(SECRET_DETAIL)));
    expect(broken.status).toBe(500);
    const brokenBody = await broken.text();
    expect(brokenBody).not.toMatch(/prisma|balances\.ts/i);
    expect(brokenBody).toMatch(/Internal error \(ref: [0-9a-f]{12}\)/);
  });

  it("13.6 the statement download answers 400 to an impossible date, never 500", async () => {
    const { m, session } = await merchantSession();
    await fund(m.merchantId, 25_000);
    portalSession.current = session;
    for (const query of ["from=2024-13-45", "to=2024-02-30", "from=2024-1-1", "from=9999-99-99&to=2024-01-01"]) {
      const res = await statementGet(new Request(`http://localhost/api/wallet/statement?${query}`));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ success: false, code: "VALIDATION" });
    }
    const ok = await statementGet(new Request("http://localhost/api/wallet/statement?from=2000-01-01&to=2999-12-31"));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/^date,type,reference,description,debit,credit,balance\r\n.*,25000,25000\r\n$/);
  });
});
