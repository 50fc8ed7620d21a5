// tRPC, set up as create-t3-app does: context → init → procedures. Routers stay thin: parse
// input, check the caller, call a use case in server/<domain>/.
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import type { Session } from "next-auth";
import superjson from "superjson";
import { ZodError } from "zod";
import { getSession } from "../auth/options";
import { isAppError, type AppErrorCode } from "../errors";
import { clientIp } from "../http/client-ip";

export type TrpcContext = { session: Session | null; ip?: string };

export async function createTrpcContext(opts: { headers: Headers }): Promise<TrpcContext> {
  const session = await getSession();
  return { session, ip: clientIp(opts.headers) };
}

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        // Only field messages from zod reach the client; never a stack.
        stack: undefined,
        zodError: error.cause instanceof ZodError ? error.cause.issues.map((i) => ({ path: i.path, message: i.message })) : null,
        appCode: isAppError(error.cause) ? error.cause.code : null,
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
  LEDGER_UNBALANCED: "INTERNAL_SERVER_ERROR",
};

/** Use cases throw AppError; here it becomes the matching tRPC error with its safe message. */
const translateAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODES[cause.code], message: cause.message, cause });
  }
  return result;
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

export const publicProcedure = t.procedure.use(translateAppErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session?.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Silakan masuk / Please sign in" });
  return next({ ctx: { ...ctx, user: ctx.session.user } });
});

/** A signed-in merchant user; `ctx.merchantId` scopes every query to that merchant. */
export const merchantProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "MERCHANT" || !ctx.user.merchantId) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Hanya untuk merchant / Merchants only" });
  }
  return next({ ctx: { ...ctx, merchantId: ctx.user.merchantId } });
});

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "ADMIN") throw new TRPCError({ code: "FORBIDDEN", message: "Hanya untuk admin / Admins only" });
  return next();
});
