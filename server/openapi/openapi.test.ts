import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { createKey, createMerchant, fund } from "../../tests/helpers/fixtures";
import { createDeposit } from "../deposits/create-deposit";
import { buildOpenApiDocument } from "./document";
import type { ApiOperation } from "./operation";
import { ALL_OPERATIONS } from "./operations";
import { CALLBACKS } from "./webhook-schemas";

const ROOTS = ["app/api/v1", "app/api/prepaid"];

function routeFiles(dir: string): string[] {
  let out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out = out.concat(routeFiles(full));
    else if (entry === "route.ts") out.push(full);
  }
  return out;
}

function exportedMethods(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const methods = new Set<string>();
  for (const m of text.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
  for (const m of text.matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
  return [...methods];
}

/** The example request with `{{depositId}}` filled in from the seeded data. */
function fill<T>(value: T, vars: Record<string, string>): T {
  return JSON.parse(JSON.stringify(value ?? {}).replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? "")) as T;
}

describe("OpenAPI document", () => {
  it("validates against the OpenAPI 3.1 schema", async () => {
    const result = await new Validator().validate(buildOpenApiDocument() as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("has an operation for every REST route file and method, and no operation without one", () => {
    const served = ROOTS.flatMap((root) => routeFiles(root).flatMap((file) => exportedMethods(file).map((m) => `${m.toLowerCase()} ${file}`)));
    const documented = ALL_OPERATIONS.map((op) => `${op.method} ${op.routeFile}`);
    expect(served.length).toBeGreaterThan(10);
    expect(new Set(documented)).toEqual(new Set(served));
  });

  it("documents every callback type and the security schemes", () => {
    const doc = buildOpenApiDocument();
    expect(Object.keys(doc.webhooks ?? {})).toEqual(CALLBACKS.map((c) => c.type));
    expect(Object.keys(doc.components?.securitySchemes ?? {})).toEqual(["bearerAuth", "apiKeyHeader", "apiKeyQuery"]);
  });

  it("has examples that are valid against their own schemas", () => {
    for (const op of ALL_OPERATIONS) {
      if (op.responseExample !== null) expect(op.response.safeParse(op.responseExample).error?.issues, `${op.operationId} response example`).toBeUndefined();
      const vars = { depositId: "inv_7m2k9x4q1c8v5b3n6t0w2r8y4h", withdrawId: "65a1b2c3d4e5f60718293a4b" };
      if (op.body && op.example.body) expect(op.body.safeParse(fill(op.example.body, vars)).error?.issues, `${op.operationId} body example`).toBeUndefined();
      if (op.query) expect(op.query.safeParse(fill(op.example.query ?? {}, vars)).error?.issues, `${op.operationId} query example`).toBeUndefined();
    }
    for (const callback of CALLBACKS) {
      const example = (callback.schema.meta() as { example?: unknown } | undefined)?.example;
      expect(callback.schema.safeParse(example).error?.issues, callback.type).toBeUndefined();
    }
  });
});

describe("contract: every GET operation answers what it declares", () => {
  it("calls each GET against seeded data and checks the response against its schema", async () => {
    const m = await createMerchant();
    await fund(m.merchantId, 500_000);
    const key = await createKey(m.merchantId);
    const deposit = await createDeposit({ merchantId: m.merchantId, method: "QRIS", channel: "invoice", amount: 10_000, actor: { type: "SYSTEM" } });
    const vars = { depositId: deposit.id, ...(await contractVars(m.merchantId)) };
    const gets = ALL_OPERATIONS.filter((op) => op.method === "get");
    expect(gets.length).toBeGreaterThan(5);
    for (const op of gets) {
      const res = await callOperation(op, vars, key);
      expect(res.status, `${op.operationId} status`).toBe(200);
      if (op.responseContentType) {
        expect(res.headers.get("content-type"), op.operationId).toBe(op.responseContentType);
        continue;
      }
      const body = await parseBody(op, res);
      expect(op.response.safeParse(body).error?.issues, `${op.operationId} body`).toBeUndefined();
    }
  });
});

async function callOperation(op: ApiOperation, vars: Record<string, string>, key: string): Promise<Response> {
  const example = fill(op.example, vars);
  const urlPath = op.path.replace(/\{(\w+)\}/g, (_, k: string) => example.path?.[k] ?? "");
  const url = new URL(`http://localhost${urlPath}`);
  for (const [k, v] of Object.entries(example.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = op.auth === "apiKey" ? { authorization: `Bearer ${key}` } : { "content-type": "application/json" };
  const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), op.routeFile))) as Record<string, (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>;
  const handler = mod[op.method.toUpperCase()]!;
  const body = op.auth === "sign" ? await signedBody(op, example.body ?? {}) : undefined;
  return handler(new Request(url, { method: op.method.toUpperCase(), headers, body }), { params: Promise.resolve(example.path ?? {}) });
}

// Hooks for the prepaid surface (signed bodies) — extended when those operations exist.
async function contractVars(merchantId: string): Promise<Record<string, string>> {
  const { requestWithdrawal } = await import("../withdrawals/request-withdrawal");
  const { withdrawal } = await requestWithdrawal({ merchantId, amount: 20_000n, accountNumber: "081234567890", accountName: "Kontrak", method: "dana", actor: { type: "SYSTEM" } });
  const { createPaymentLink } = await import("../payment-links/create-payment-link");
  const link = await createPaymentLink({ merchantId, amount: 50_000n, description: "Kontrak", actor: { type: "SYSTEM" } });
  const { submitPayoutBatch } = await import("../withdrawals/submit-payout-batch");
  const { batch } = await submitPayoutBatch({ merchantId, rows: [{ amount: "30000", method: "bca", accountNumber: "1234567890", accountName: "Kontrak Batch" }], actor: { type: "SYSTEM" } });
  return { withdrawId: withdrawal.id, paymentLinkId: link.id, batchId: batch.id };
}
async function signedBody(_op: ApiOperation, body: Record<string, unknown>): Promise<string> {
  return JSON.stringify(body);
}
async function parseBody(_op: ApiOperation, res: Response): Promise<unknown> {
  return res.json();
}
