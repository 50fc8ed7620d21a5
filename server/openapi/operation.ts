// One documented operation: the single source for the OpenAPI document, the docs page and its
// live console, and the contract tests.
import type { z } from "zod";

/** The groups of operations (the document's tags), in the order the docs page shows them. */
export const GROUP_TAGS = {
  balance: "Saldo",
  topup: "Top-up (seed 000)",
  invoices: "Invoice deposit QRIS (seed 003)",
  withdrawals: "Withdraw (seed 003)",
  paymentLinks: "Payment links",
  prepaid: "Prepaid, IAK-compatible (seed 002)",
  events: "Callbacks and polling",
} as const;
export type Group = keyof typeof GROUP_TAGS;
export type Text = { id: string; en: string };
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 429;

export type ApiOperation = {
  operationId: string;
  group: Group;
  method: "get" | "post";
  /** OpenAPI path, `{param}` style. */
  path: string;
  /** The route file that serves it, relative to the project root. */
  routeFile: string;
  summary: Text;
  description: Text;
  auth: "apiKey" | "sign" | "public";
  query?: z.ZodObject;
  pathParams?: z.ZodObject;
  body?: z.ZodType;
  /** Prepaid endpoints also accept and answer XML (`<mp>…</mp>`). */
  xml?: boolean;
  /** Prepaid: sign = md5(username + api_key + <this>), a literal or another parameter's value. */
  signSuffix?: { literal: string } | { param: string };
  response: z.ZodType;
  /** Non-JSON answers (QR images). */
  responseContentType?: "image/png" | "image/svg+xml";
  errors: ErrorStatus[];
  /** A request that works against the demo (values for query, path and body). */
  example: { query?: Record<string, string>; path?: Record<string, string>; body?: Record<string, unknown> };
  responseExample: unknown;
};

/** What sets one operation apart; the rest follows from its route and how it authenticates. */
export type OperationSpec = Omit<ApiOperation, "operationId" | "method" | "path" | "routeFile" | "auth" | "errors" | "example"> & {
  /** Default `apiKey`. */
  auth?: ApiOperation["auth"];
  /** Statuses besides those the auth adds (401 and 403 for an API key). */
  errors?: ErrorStatus[];
  example?: ApiOperation["example"];
};

/** The failures every operation with this kind of auth can answer. */
const AUTH_ERRORS: Record<ApiOperation["auth"], ErrorStatus[]> = { apiKey: [401, 403], sign: [], public: [] };

/**
 * One documented operation at `route` ("get /api/v1/balance"). Its route file follows the
 * path (`{id}` is the `[id]` folder), e.g. app/api/v1/balance/route.ts.
 */
export function restOperation(operationId: string, route: `${ApiOperation["method"]} /${string}`, spec: OperationSpec): ApiOperation {
  const [method, path] = route.split(" ") as [ApiOperation["method"], string];
  const auth = spec.auth ?? "apiKey";
  return {
    ...spec,
    operationId,
    method,
    path,
    routeFile: `app${path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`,
    auth,
    errors: [...new Set([...AUTH_ERRORS[auth], ...(spec.errors ?? [])])].sort((a, b) => a - b),
    example: spec.example ?? {},
  };
}

/**
 * The GET and POST forms of an endpoint that accepts either (the seeds' "create" calls): the
 * POST takes the body, the GET the same fields as query parameters (`<operationId>Get`).
 */
export function getAndPost(operationId: string, path: `/${string}`, spec: OperationSpec & { body: z.ZodObject }): ApiOperation[] {
  const { body, example, ...rest } = spec;
  const query = Object.fromEntries(Object.entries(example?.body ?? {}).map(([k, v]) => [k, String(v)]));
  return [restOperation(`${operationId}Get`, `get ${path}`, { ...rest, query: body, example: { query } }), restOperation(operationId, `post ${path}`, spec)];
}
