// One documented operation: the single source for the OpenAPI document, the docs page and its
// live console, and the contract tests.
import type { z } from "zod";

export type Group = "balance" | "topup" | "invoices" | "withdrawals" | "prepaid" | "events";
export type Text = { id: string; en: string };

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
  errors: (400 | 401 | 403 | 404 | 409 | 429)[];
  /** A request that works against the demo (values for query, path and body). */
  example: { query?: Record<string, string>; path?: Record<string, string>; body?: Record<string, unknown> };
  responseExample: unknown;
};
