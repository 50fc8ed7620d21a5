// tRPC, set up as create-t3-app does: context → init → procedures. Routers stay thin: parse
// input, check the caller, call a use case in server/<domain>/.
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import type { Session } from "next-auth";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Actor } from "../audit";
import { getSession } from "../auth/options";
import { can, ROLE_REFUSED, staffCan, type MemberPermission, type StaffPermission } from "../auth/permissions";
import { resolveActiveMembership, resolveStaffRole } from "../auth/resolve-membership";
import { refreshSessionUser } from "../auth/refresh-session-user";
import { liveEnv } from "../env";
import { isAppError, type AppErrorCode } from "../errors";
import { clientIp } from "../http/client-ip";
import { hasUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "../http/storable-text";
import { getTwoFactorStatus, isBlockedByTwoFactor } from "../two-factor/two-factor-status";
import { concealInternalError } from "./internal-errors";

export type TrpcContext = { session: Session | null; ip?: string };

export async function createTrpcContext(opts: { headers: Headers }): Promise<TrpcContext> {
  const session = await getSession();
  return { session, ip: clientIp(opts.headers) };
}

/**
 * What a procedure requires, recorded on every one of them so a test can walk the root router and
 * fail on a procedure that declares nothing (server/trpc/permissions.test.ts).
 */
export type ProcedureAccess =
  | { kind: "public" }
  | { kind: "authed" }
  | { kind: "member"; permission: MemberPermission }
  | { kind: "staff"; permission: StaffPermission };
export type TrpcMeta = { access?: ProcedureAccess };

const t = initTRPC.context<TrpcContext>().meta<TrpcMeta>().create({
  transformer: superjson,
  // Live streams (deposits.watch): a heartbeat comment every LIVE_HEARTBEAT_MS keeps proxies from
  // closing a quiet stream, and the client reconnects when it hears nothing for three of them.
  sse: {
    ping: { enabled: true, intervalMs: liveEnv.LIVE_HEARTBEAT_MS },
    client: { reconnectAfterInactivityMs: liveEnv.LIVE_HEARTBEAT_MS * 3 },
  },
  errorFormatter({ shape, error, path }) {
    // An internal failure that did not pass through a procedure (the context, a subscription)
    // is concealed here; one that did was concealed by translateAppErrors already.
    const internal = shape.data.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: internal ? concealInternalError(error, path ?? "?").message : shape.message,
      data: {
        ...shape.data,
        // Only field messages from zod reach the client; never a stack.
        stack: undefined,
        zodError: !internal && error.cause instanceof ZodError ? error.cause.issues.map((i) => ({ path: i.path, message: i.message })) : null,
        appCode: !internal && isAppError(error.cause) ? error.cause.code : null,
      },
    };
  },
});

const TRPC_CODES: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION: "BAD_REQUEST",
  INSUFFICIENT_FUNDS: "BAD_REQUEST",
  INVALID_STATE: "CONFLICT",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  LEDGER_UNBALANCED: "INTERNAL_SERVER_ERROR",
};

/**
 * Use cases throw AppError; here it becomes the matching tRPC error with its safe message.
 * Anything else that failed inside (a Prisma error, a bug) becomes "Internal error (ref: …)",
 * its detail logged — also for server-side callers (createCaller), not only over HTTP.
 */
const translateAppErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (isAppError(cause) && TRPC_CODES[cause.code] !== "INTERNAL_SERVER_ERROR") {
    throw new TRPCError({ code: TRPC_CODES[cause.code], message: cause.message, cause });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR") throw concealInternalError(result.error, path);
  return result;
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/** Input with a lone surrogate or a NUL would fail the query that carries it (a 500): refused as bad input. */
const refuseUnstorableText = t.middleware(async ({ next, getRawInput }) => {
  if (hasUnstorableText(await getRawInput())) throw new TRPCError({ code: "BAD_REQUEST", message: UNSTORABLE_TEXT_MESSAGE });
  return next();
});

const baseProcedure = t.procedure.use(translateAppErrors).use(refuseUnstorableText);

export const publicProcedure = baseProcedure.meta({ access: { kind: "public" } });

export const authedProcedure = baseProcedure.meta({ access: { kind: "authed" } }).use(async ({ ctx, next }) => {
  if (!ctx.session?.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Silakan masuk / Please sign in" });
  // The token says who signed in; the database (cached for SESSION_REFRESH_SECONDS) says what
  // they may do now: a demoted admin or a suspended merchant is refused within that time.
  const check = await refreshSessionUser({ id: ctx.session.user.id, sessionId: ctx.session.sessionId });
  if (!check.ok) {
    if (check.reason === "suspended") throw new TRPCError({ code: "FORBIDDEN", message: "Merchant ditangguhkan / Merchant is suspended" });
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Silakan masuk / Please sign in" });
  }
  const user = check.user;
  // Who acts, for audit entries and journals: the signed-in user, from the address they called from.
  const actor: Actor = { type: "USER", id: user.id, ...(ctx.ip ? { ip: ctx.ip } : {}) };
  return next({ ctx: { ...ctx, session: { ...ctx.session, user }, user, actor } });
});

export const TWO_FACTOR_REQUIRED_MESSAGE = "Aktifkan autentikasi dua faktor terlebih dahulu / Turn on two-factor authentication first";

/**
 * A member of the active merchant whose role grants `permission` (server/auth/permissions.ts).
 * The membership and the active merchant are read from the database on every call, never from
 * the client or a cache: a removed member or a changed role takes effect on the next request.
 * `ctx.merchantId` scopes every query to that merchant. A user whose merchant requires
 * two-factor reaches nothing until enrolled.
 */
export function memberProcedure(permission: MemberPermission) {
  return authedProcedure.meta({ access: { kind: "member", permission } }).use(async ({ ctx, next }) => {
    if (ctx.user.role !== "MERCHANT") throw new TRPCError({ code: "FORBIDDEN", message: "Hanya untuk merchant / Merchants only" });
    const active = await resolveActiveMembership(ctx.user.id);
    if (!active) throw new TRPCError({ code: "FORBIDDEN", message: "Anda bukan anggota merchant mana pun / You are not a member of any merchant" });
    if (active.merchantStatus !== "ACTIVE") throw new TRPCError({ code: "FORBIDDEN", message: "Merchant ditangguhkan / Merchant is suspended" });
    if (!can(active.role, permission)) throw new TRPCError({ code: "FORBIDDEN", message: ROLE_REFUSED });
    if (isBlockedByTwoFactor(await getTwoFactorStatus(ctx.user.id))) throw new TRPCError({ code: "FORBIDDEN", message: TWO_FACTOR_REQUIRED_MESSAGE });
    return next({ ctx: { ...ctx, merchantId: active.merchantId, memberRole: active.role } });
  });
}

/**
 * An admin whose staff role grants `permission`, read from the database on every call. Every
 * admin signs in with two factors: one who has not enrolled reaches no staff procedure.
 */
export function staffProcedure(permission: StaffPermission) {
  return authedProcedure.meta({ access: { kind: "staff", permission } }).use(async ({ ctx, next }) => {
    if (ctx.user.role !== "ADMIN") throw new TRPCError({ code: "FORBIDDEN", message: "Hanya untuk admin / Admins only" });
    const staffRole = await resolveStaffRole(ctx.user.id);
    if (!staffCan(staffRole, permission)) throw new TRPCError({ code: "FORBIDDEN", message: ROLE_REFUSED });
    if (!(await getTwoFactorStatus(ctx.user.id)).enrolled) throw new TRPCError({ code: "FORBIDDEN", message: TWO_FACTOR_REQUIRED_MESSAGE });
    return next({ ctx: { ...ctx, staffRole } });
  });
}
