// The API surface, enumerated from the code rather than listed by hand, so a new route or
// procedure is fuzzed (tests/fuzz-*.test.ts) the day it is added:
// - REST and prepaid: every `route.ts` under app/api/v1 and app/api/prepaid, imported, with the
//   HTTP methods it exports and the dynamic segments (`[id]`) of its folder. The documented
//   operation of a route (server/openapi, when there is one) adds its zod schemas and, for the
//   prepaid API, what the sign covers; an undocumented route is still fuzzed, generically.
// - tRPC: every procedure of appRouter, from its flat `_def.procedures` table (cross-checked
//   against the nested `_def.record` by the sanity test), with its type and input parsers.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ApiOperation } from "../../server/openapi/operation";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;
export type RouteKind = "rest" | "prepaid";

/** The folders whose route files make up each surface. */
export const ROUTE_ROOTS: Record<RouteKind, string> = { rest: "app/api/v1", prepaid: "app/api/prepaid" };

export type RestRoute = {
  kind: RouteKind;
  /** Relative to the project root, e.g. app/api/v1/invoice/[id]/qr.png/route.ts. */
  file: string;
  /** The URL path with Next's segment syntax, e.g. /api/v1/invoice/[id]/qr.png. */
  urlPath: string;
  /** Dynamic segments, in order: `[id]` → { name: "id", catchAll: false }. */
  params: { name: string; catchAll: boolean; optional: boolean }[];
  method: HttpMethod;
  handler: RouteHandler;
  /** The documented operation for this route and method, when server/openapi documents it. */
  operation?: ApiOperation;
};

/** Every `route.ts` below `root` (relative to the project root), sorted. */
export function routeFiles(root: string): string[] {
  const dir = path.join(ROOT, root);
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => path.basename(f) === "route.ts" || path.basename(f) === "route.js")
    .map((f) => path.posix.join(root, f.split(path.sep).join("/")))
    .sort();
}

function dynamicSegments(urlPath: string): RestRoute["params"] {
  const params: RestRoute["params"] = [];
  for (const segment of urlPath.split("/")) {
    const optional = /^\[\[\.\.\.(\w+)\]\]$/.exec(segment);
    const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
    const single = /^\[(\w+)\]$/.exec(segment);
    if (optional) params.push({ name: optional[1]!, catchAll: true, optional: true });
    else if (catchAll) params.push({ name: catchAll[1]!, catchAll: true, optional: false });
    else if (single) params.push({ name: single[1]!, catchAll: false, optional: false });
  }
  return params;
}

/** Every exported HTTP method of every REST and prepaid route file, imported and ready to call. */
export async function loadRouteSurface(kinds: RouteKind[] = ["rest", "prepaid"]): Promise<RestRoute[]> {
  const { ALL_OPERATIONS } = await import("../../server/openapi/operations");
  const routes: RestRoute[] = [];
  for (const kind of kinds) {
    for (const file of routeFiles(ROUTE_ROOTS[kind])) {
      const mod = (await import(pathToFileURL(path.join(ROOT, file)).href)) as Record<string, unknown>;
      const urlPath = `/${path.posix.dirname(file).replace(/^app\//, "")}`;
      for (const method of HTTP_METHODS) {
        const handler = mod[method];
        if (typeof handler !== "function") continue;
        const operation = ALL_OPERATIONS.find((op) => op.routeFile === file && op.method.toUpperCase() === method);
        routes.push({ kind, file, urlPath, params: dynamicSegments(urlPath), method, handler: handler as RouteHandler, operation });
      }
    }
  }
  return routes;
}

export type ProcedureType = "query" | "mutation" | "subscription";
export type TrpcProcedure = { path: string; type: ProcedureType; inputs: unknown[] };

type RouterDef = { procedures: Record<string, { _def: { type: ProcedureType; inputs?: unknown[] } }>; record: Record<string, unknown>; lazy?: Record<string, unknown> };

/** Every procedure of a tRPC router (appRouter by default), by dotted path, from `_def.procedures`. */
export async function loadTrpcSurface(router?: { _def: unknown }): Promise<TrpcProcedure[]> {
  const def = (router ?? (await import("../../server/trpc/root")).appRouter)._def as RouterDef;
  return Object.entries(def.procedures)
    .map(([p, proc]) => ({ path: p, type: proc._def.type, inputs: proc._def.inputs ?? [] }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The same paths found another way — walking the nested `_def.record` — for the sanity test. */
export async function walkTrpcRecord(router?: { _def: unknown }): Promise<string[]> {
  const def = (router ?? (await import("../../server/trpc/root")).appRouter)._def as RouterDef;
  const paths: string[] = [];
  const walk = (record: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(record)) {
      const p = prefix ? `${prefix}.${key}` : key;
      if (typeof value === "function" && (value as { _def?: { procedure?: boolean } })._def?.procedure) paths.push(p);
      else if (value && typeof value === "object") walk(value as Record<string, unknown>, p);
    }
  };
  walk(def.record, "");
  return paths.sort((a, b) => a.localeCompare(b));
}

/** Lazy sub-routers are not in `_def.procedures` until loaded; the sanity test insists there are none. */
export async function lazyTrpcRouters(): Promise<string[]> {
  const def = (await import("../../server/trpc/root")).appRouter._def as unknown as RouterDef;
  return Object.keys(def.lazy ?? {});
}

/** Calls the procedure at a dotted path on a caller from `createCaller`. */
export function procedureOf(caller: unknown, dotted: string): (input?: unknown) => Promise<unknown> {
  let node = caller as Record<string, unknown>;
  for (const key of dotted.split(".")) node = node[key] as Record<string, unknown>;
  return node as unknown as (input?: unknown) => Promise<unknown>;
}
