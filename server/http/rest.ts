// The REST edge: every /api/v1 route is `apiRoute(handler)`. It authenticates the API key,
// reads query + JSON body, honours Idempotency-Key on POST, and turns every failure into the
// error envelope `{ success: false, error, code }` — never a stack trace, never a 500 for bad input.
import { createHash } from "node:crypto";
import { ZodError, type ZodType } from "zod";
import { transaction } from "../db";
import { AppError, isAppError } from "../errors";
import { authenticateApiKey, type ApiCaller } from "./api-auth";
import { clientIp } from "./client-ip";
import { readBodyLimited } from "./read-body";
import { requestLimiters } from "./request-rate-limits";

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
  return input;
}

export function parseWith<T>(schema: ZodType<T>, input: unknown): T {
  return schema.parse(input);
}

const IDEMPOTENCY_KEY = /^[\w.:\-]{1,255}$/;

async function replayOrRun(caller: ApiCaller, req: Request, rawBody: string, run: () => Promise<Response>): Promise<Response> {
  const key = req.headers.get("idempotency-key");
  if (!key) return run();
  if (!IDEMPOTENCY_KEY.test(key)) throw new AppError("VALIDATION", "Idempotency-Key tidak valid (1–255 karakter: huruf, angka, . _ : -)");
  const url = new URL(req.url);
  url.searchParams.delete("apikey");
  const requestHash = createHash("sha256").update(`${req.method} ${url.pathname}?${url.searchParams}\n${rawBody}`).digest("hex");

  const claim = await transaction(async (tx) => {
    const existing = await tx.idempotencyRecord.findUnique({ where: { merchantId_key: { merchantId: caller.merchantId, key } } });
    if (existing) return existing;
    await tx.idempotencyRecord.create({ data: { merchantId: caller.merchantId, key, requestHash } });
    return null;
  });
  if (claim) {
    if (claim.requestHash !== requestHash) throw new AppError("CONFLICT", "Idempotency-Key sudah dipakai untuk permintaan lain / Idempotency-Key was used for a different request");
    if (claim.responseStatus === null || claim.responseBody === null) throw new AppError("CONFLICT", "Permintaan dengan Idempotency-Key ini masih diproses / A request with this Idempotency-Key is in progress");
    return new Response(claim.responseBody, {
      status: claim.responseStatus,
      headers: { "content-type": "application/json; charset=utf-8", "idempotent-replayed": "true" },
    });
  }
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    response = errorResponse(error);
  }
  const where = { merchantId_key: { merchantId: caller.merchantId, key } };
  if (response.status >= 500) {
    // A server failure is not an answer: let the client retry with the same key.
    await transaction((tx) => tx.idempotencyRecord.delete({ where }));
    return response;
  }
  const body = await response.clone().text();
  await transaction((tx) => tx.idempotencyRecord.update({ where, data: { responseStatus: response.status, responseBody: body } }));
  return response;
}

export function apiRoute(handler: (ctx: { req: Request; caller: ApiCaller; input: ApiInput; params: Record<string, string> }) => Promise<JsonResult>) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    try {
      // Rate limits: per IP before the key is looked up, per key after; then the body, at most MAX_BODY_BYTES of it.
      const limiters = requestLimiters();
      const ip = clientIp(req.headers);
      await limiters.admitApiRequest(ip);
      const caller = await authenticateApiKey(req).catch(async (error: unknown) => {
        if (isAppError(error) && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN")) await limiters.countFailedAuthentication(ip);
        throw error;
      });
      await limiters.admitApiKey(caller.apiKeyId);
      const rawBody = req.method === "GET" || req.method === "HEAD" ? "" : await readBodyLimited(req);
      const params = (await context?.params) ?? {};
      const run = async () => {
        const result = await handler({ req, caller, input: parseInput(req, rawBody), params });
        return json(result.status ?? 200, result.body);
      };
      return req.method === "POST" ? await replayOrRun(caller, req, rawBody, run) : await run();
    } catch (error) {
      return errorResponse(error);
    }
  };
}
