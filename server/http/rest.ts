// The REST edge: every /api/v1 route is `apiRoute(handler)`. It authenticates the API key,
// reads query + JSON body, honours Idempotency-Key on POST, and turns every failure into the
// error envelope `{ success: false, error, code }` — never a stack trace, never a 500 for bad input.
import { ZodError, type ZodType } from "zod";
import { edgeEnv } from "../env";
import { AppError, isAppError } from "../errors";
import { authenticateApiKey, type ApiCaller } from "./api-auth";
import { clientIp } from "./client-ip";
import { claimIdempotencyKey, finishIdempotentRequest, idempotencyKeyOf, requestHashOf } from "./idempotency";
import { readBodyLimited } from "./read-body";
import { requestLimiters } from "./request-rate-limits";
import { hasUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "./storable-text";

export type JsonResult = { status?: number; body: unknown };
export type ApiInput = Record<string, unknown>;
type RouteContext = { params: Promise<Record<string, string>> };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers } });
}

export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    const headers: Record<string, string> = {};
    if (error.code === "RATE_LIMITED" && error.details?.retryAfterSeconds) headers["retry-after"] = String(error.details.retryAfterSeconds);
    return json(error.status >= 500 ? 500 : error.status, { success: false, error: error.message, code: error.code }, headers);
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join(".");
    return json(400, { success: false, error: `${field ? `${field}: ` : ""}${issue?.message ?? "Invalid input"}`, code: "VALIDATION" });
  }
  console.error("Unhandled API error:", error);
  return json(500, { success: false, error: "Terjadi kesalahan internal / Internal error", code: "INTERNAL" });
}

/** Query parameters overlaid by a JSON body's fields (seed 003 sends either). */
export function parseInput(req: Request, rawBody: string): ApiInput {
  const input: ApiInput = Object.fromEntries(new URL(req.url).searchParams);
  delete input.apikey;
  if (rawBody.trim()) {
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      throw new AppError("VALIDATION", "Body bukan JSON yang valid / Body is not valid JSON");
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("VALIDATION", "Body harus objek JSON / Body must be a JSON object");
    Object.assign(input, body);
  }
  // A lone surrogate or a NUL would fail the query that carries it (a 500): refuse it as bad input.
  if (hasUnstorableText(input)) throw new AppError("VALIDATION", UNSTORABLE_TEXT_MESSAGE);
  return input;
}

export function parseWith<T>(schema: ZodType<T>, input: unknown): T {
  return schema.parse(input);
}

/**
 * Runs a POST once per Idempotency-Key (server/http/idempotency.ts): a repeat replays the stored
 * answer; the key goes on to the handler, whose use case writes it on the business row, so a retry
 * after a lost answer finds that row instead of making a second.
 */
async function replayOrRun(caller: ApiCaller, req: Request, rawBody: string, run: (idempotencyKey?: string) => Promise<Response>): Promise<Response> {
  const key = idempotencyKeyOf(req);
  if (!key) return run();
  const claim = await claimIdempotencyKey(caller.merchantId, key, requestHashOf(req, rawBody));
  if (claim.kind === "replay") {
    return new Response(claim.body, {
      status: claim.status,
      headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "idempotent-replayed": "true" },
    });
  }
  let response: Response;
  let keyBelongsToAnotherRow = false;
  try {
    response = await run(key);
  } catch (error) {
    keyBelongsToAnotherRow = isAppError(error) && error.details?.idempotencyKeyReused === true;
    response = errorResponse(error);
  }
  await finishIdempotentRequest(caller.merchantId, key, response, { forget: keyBelongsToAnotherRow });
  return response;
}

/** `idempotencyKey`: the POST's Idempotency-Key header, for the use case to write on the row it creates. */
/** `options.maxBodyBytes`: a larger body cap for one route (the batch payout's rows), never lower than MAX_BODY_BYTES. */
export function apiRoute(
  handler: (ctx: { req: Request; caller: ApiCaller; input: ApiInput; params: Record<string, string>; idempotencyKey?: string }) => Promise<JsonResult>,
  options: { maxBodyBytes?: number } = {},
) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    try {
      // Rate limits: per IP before the key is looked up, per key after; then the body, at most MAX_BODY_BYTES of it.
      const limiters = requestLimiters();
      const ip = clientIp(req.headers);
      await limiters.admitApiRequest(ip);
      const caller = await authenticateApiKey(req, ip).catch(async (error: unknown) => {
        if (isAppError(error) && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN")) await limiters.countFailedAuthentication(ip);
        throw error;
      });
      await limiters.admitApiKey(caller.apiKeyId);
      const rawBody = req.method === "GET" || req.method === "HEAD" ? "" : await readBodyLimited(req, options.maxBodyBytes ? Math.max(options.maxBodyBytes, edgeEnv.MAX_BODY_BYTES) : undefined);
      const params = (await context?.params) ?? {};
      if (hasUnstorableText(params)) throw new AppError("VALIDATION", UNSTORABLE_TEXT_MESSAGE);
      const run = async (idempotencyKey?: string) => {
        const result = await handler({ req, caller, input: parseInput(req, rawBody), params, idempotencyKey });
        return json(result.status ?? 200, result.body);
      };
      return req.method === "POST" ? await replayOrRun(caller, req, rawBody, run) : await run();
    } catch (error) {
      return errorResponse(error);
    }
  };
}
