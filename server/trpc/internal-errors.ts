// tRPC never sends internal error text to the client: a failure that is not a use case's
// AppError (a Prisma message, a bug's stack, a ledger invariant) answers with a generic message
// and a reference, and the detail goes to the server log under the same reference, so a
// merchant who reports "ref: 3f9c…" can be matched to the log line.
import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";

const concealed = new WeakSet<TRPCError>();

export function internalErrorMessage(ref: string): string {
  return `Kesalahan internal (ref: ${ref}) / Internal error (ref: ${ref})`;
}

/** Logs `error` with a fresh reference and returns the error the client may see instead (once per error). */
export function concealInternalError(error: unknown, where: string): TRPCError {
  if (error instanceof TRPCError && concealed.has(error)) return error;
  const ref = randomBytes(6).toString("hex");
  const detail = error instanceof TRPCError && error.cause ? error.cause : error;
  console.error(`[ref ${ref}] tRPC ${where} failed:`, detail);
  const safe = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: internalErrorMessage(ref) });
  concealed.add(safe);
  return safe;
}
