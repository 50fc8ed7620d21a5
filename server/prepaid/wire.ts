// The prepaid API's wire formats (IAK-compatible): a body in JSON or in XML (`<mp>…</mp>`),
// chosen by Content-Type (application/xml or text/xml → XML, anything else → JSON), answered in
// the same format — `{ "data": { … } }` or `<?xml version="1.0"?><mp>…</mp>`. Business answers
// are HTTP 200 with an `rc`, as IAK does; broken bodies and missing fields are rc 107, never a 500.
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import type { ZodType } from "zod";
import { isAppError } from "../errors";
import { clientIp } from "../http/client-ip";
import { readBodyLimited } from "../http/read-body";
import { requestLimiters } from "../http/request-rate-limits";
import { hasUnstorableText } from "../http/storable-text";
import { RESPONSE_CODES } from "./response-codes";

export type WireFormat = "json" | "xml";
export type WireValue = string | number | WireRecord[];
export type WireRecord = { [key: string]: WireValue };
/** What a prepaid use case answers: the `data` object, and an HTTP status when it is not 200. */
export type PrepaidReply = { data: WireRecord; httpStatus?: number };

export function requestFormat(req: Request): WireFormat {
  return /\bxml\b/i.test(req.headers.get("content-type") ?? "") ? "xml" : "json";
}

type ReadResult = { ok: true; fields: Record<string, unknown> } | { ok: false };

const xmlParser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false, // "0817…" stays a string with its leading zero
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});
const xmlBuilder = new XMLBuilder({ format: true, suppressEmptyNode: false });

function parseXml(text: string): ReadResult {
  // No DTDs at all: nothing to expand, nothing to fetch.
  if (/<!DOCTYPE|<!ENTITY/i.test(text) || XMLValidator.validate(text) !== true) return { ok: false };
  let doc: unknown;
  try {
    doc = xmlParser.parse(text);
  } catch {
    // fast-xml-parser refuses some well-formed documents, e.g. a <__proto__> or <constructor> tag.
    return { ok: false };
  }
  if (typeof doc !== "object" || doc === null) return { ok: false };
  const keys = Object.keys(doc);
  if (keys.length !== 1 || keys[0] !== "mp") return { ok: false };
  const mp: unknown = (doc as Record<string, unknown>).mp;
  if (mp === "") return { ok: true, fields: {} };
  if (typeof mp !== "object" || mp === null || Array.isArray(mp)) return { ok: false };
  return { ok: true, fields: { ...(mp as Record<string, unknown>) } };
}

function parseJson(text: string): ReadResult {
  if (!text.trim()) return { ok: true, fields: {} };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { ok: false };
  return { ok: true, fields: { ...(body as Record<string, unknown>) } };
}

/** The request's fields: query parameters overlaid by the body's. */
export async function readFields(req: Request, format: WireFormat): Promise<ReadResult> {
  let text: string;
  try {
    // At most MAX_BODY_BYTES: a larger body is refused (413) before it is read.
    text = await readBodyLimited(req);
  } catch (error) {
    if (isAppError(error)) throw error;
    return { ok: false };
  }
  const body = format === "xml" ? parseXml(text) : parseJson(text);
  if (!body.ok) return body;
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const fields = { ...query, ...body.fields };
  // A lone surrogate or a NUL would fail the query that carries it: a format error (rc 107), not a 503.
  if (hasUnstorableText(fields)) return { ok: false };
  return { ok: true, fields };
}

export function renderReply(format: WireFormat, reply: PrepaidReply): Response {
  const status = reply.httpStatus ?? 200;
  const headers = { "cache-control": "no-store" };
  if (format === "xml") {
    const body = `<?xml version="1.0"?>\n${xmlBuilder.build({ mp: reply.data })}`;
    return new Response(body, { status, headers: { ...headers, "content-type": "application/xml; charset=utf-8" } });
  }
  return new Response(JSON.stringify({ data: reply.data }), { status, headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
}

export function formatError(message: string): PrepaidReply {
  return { data: { rc: RESPONSE_CODES.FORMAT.rc, message } };
}

/**
 * A prepaid route: reads the body in its format, checks it against `schema` (a missing or
 * malformed field → rc 107 naming the field), runs the use case and answers in the same format.
 * An unexpected failure answers rc 503 with HTTP 503: nothing was committed, so repeating the
 * same request (same ref_id) is safe.
 */
export function prepaidRoute<T>(schema: ZodType<T>, useCase: (input: T, context: { ip?: string }) => Promise<PrepaidReply>) {
  return async function handle(req: Request): Promise<Response> {
    const format = requestFormat(req);
    const limiters = requestLimiters();
    const ip = clientIp(req.headers);
    try {
      await limiters.admitApiRequest(ip);
      const read = await readFields(req, format);
      if (!read.ok) return renderReply(format, formatError(format === "xml" ? RESPONSE_CODES.FORMAT.message : "JSON FORMAT ERROR"));
      const parsed = schema.safeParse(read.fields);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = String(issue?.path[0] ?? "body");
        const missing = read.fields[field] === undefined || read.fields[field] === "";
        return renderReply(format, formatError(`FORMAT ERROR: ${field} ${missing ? "IS REQUIRED" : "IS INVALID"}`));
      }
      // The username's budget is counted only once its sign was accepted, so a stranger's wrong
      // signs cannot spend a merchant's budget; they count against the stranger's IP instead.
      const username = typeof read.fields.username === "string" ? `prepaid:${read.fields.username}` : null;
      if (username) await limiters.refuseIfApiKeySpent(username);
      const reply = await useCase(parsed.data, { ip });
      const refusedCaller = [RESPONSE_CODES.CANNOT_AUTHENTICATE.rc, RESPONSE_CODES.WRONG_AUTHENTICATION.rc, RESPONSE_CODES.INVALID_IP.rc] as string[];
      if (refusedCaller.includes(String(reply.data.rc))) await limiters.countFailedAuthentication(ip);
      else if (username) await limiters.countApiKey(username);
      return renderReply(format, reply);
    } catch (error) {
      if (isAppError(error) && error.code === "RATE_LIMITED") {
        // IAK has no rc for this: rc 503 (repeat later, nothing was done) with HTTP 429 and Retry-After.
        const response = renderReply(format, { httpStatus: 429, data: { rc: RESPONSE_CODES.SYSTEM_BUSY.rc, message: "TOO MANY REQUESTS, TRY AGAIN" } });
        response.headers.set("retry-after", String(error.details?.retryAfterSeconds ?? 60));
        return response;
      }
      if (isAppError(error) && error.code === "PAYLOAD_TOO_LARGE") {
        return renderReply(format, { httpStatus: 413, data: { rc: RESPONSE_CODES.FORMAT.rc, message: "REQUEST BODY TOO LARGE" } });
      }
      console.error("[prepaid] unexpected error:", error);
      return renderReply(format, { httpStatus: 503, data: { rc: RESPONSE_CODES.SYSTEM_BUSY.rc, message: RESPONSE_CODES.SYSTEM_BUSY.message } });
    }
  };
}
