// What /api/trpc checks before tRPC sees a request: a state-changing request (a mutation: POST)
// must come from the app's own pages (server/http/same-origin.ts); the public payer procedures
// (the pay page's status query and live feed) are limited per IP; a body is read with at most
// MAX_BODY_BYTES. Refusals answer in the error envelope (403, 429 with Retry-After, 413).
import { edgeEnv } from "../env";
import { clientIp } from "./client-ip";
import { readBodyBytesLimited } from "./read-body";
import { requestLimiters } from "./request-rate-limits";
import { errorResponse } from "./rest";
import { refuseCrossSite } from "./same-origin";

/** Procedures anyone can call with only a deposit or payment link id (no session): limited per IP. */
export const PUBLIC_PAYER_PROCEDURES = new Set(["deposits.watch", "deposits.forPayer", "paymentLinks.forPayer", "paymentLinks.payment", "paymentLinks.startPayment"]);

/** Procedures that carry a batch payout file or its rows (up to 10,000): a larger body cap. */
export const LARGE_BODY_PROCEDURES = new Set(["payoutBatches.parseFile", "payoutBatches.validate", "payoutBatches.submit"]);
export const LARGE_BODY_BYTES = 6_000_000;

/** The procedures a tRPC HTTP request calls: `/api/trpc/a.b,c.d?batch=1` → ["a.b", "c.d"]. */
export function calledProcedures(req: Request, endpoint = "/api/trpc"): string[] {
  const { pathname } = new URL(req.url);
  if (!pathname.startsWith(`${endpoint}/`)) return [];
  let path = pathname.slice(endpoint.length + 1);
  try {
    path = decodeURIComponent(path);
  } catch {
    return [];
  }
  return path.split(",").filter(Boolean);
}

export function withTrpcGuards(handler: (req: Request) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    try {
      const refused = refuseCrossSite(req);
      if (refused) return refused;
      if (calledProcedures(req).some((p) => PUBLIC_PAYER_PROCEDURES.has(p))) await requestLimiters().admitPublicRequest(clientIp(req.headers));
      if (req.method === "GET" || req.method === "HEAD") return await handler(req);
      const large = calledProcedures(req).some((p) => LARGE_BODY_PROCEDURES.has(p));
      const body = await readBodyBytesLimited(req, large ? Math.max(LARGE_BODY_BYTES, edgeEnv.MAX_BODY_BYTES) : undefined);
      return await handler(new Request(req.url, { method: req.method, headers: req.headers, body: body.byteLength ? body : null, signal: req.signal }));
    } catch (error) {
      return errorResponse(error);
    }
  };
}
