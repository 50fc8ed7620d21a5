// The OpenAPI 3.1 document, generated from the same zod schemas that validate the REST input.
import type { z } from "zod";
import { createDocument, type ZodOpenApiContentObject, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { GROUP_TAGS, type ApiOperation } from "./operation";
import { ALL_OPERATIONS } from "./operations";
import { ErrorEnvelope, errorResponses } from "./shared";
import { CALLBACK_HEADERS, CALLBACKS } from "./webhook-schemas";

const SECURITY: Record<ApiOperation["auth"], Record<string, string[]>[]> = { apiKey: [{ bearerAuth: [] }, { apiKeyHeader: [] }, { apiKeyQuery: [] }], public: [], sign: [] };

/** A JSON body (with its example, when there is one), and the same schema as XML where the operation speaks it. */
function jsonContent(schema: z.ZodType, example: unknown, xml: boolean | undefined): ZodOpenApiContentObject {
  return {
    "application/json": { schema, ...(example !== undefined && example !== null ? { example } : {}) },
    ...(xml ? { "application/xml": { schema } } : {}),
  };
}

function operationObject(op: ApiOperation): ZodOpenApiOperationObject {
  return {
    operationId: op.operationId,
    tags: [op.group],
    summary: `${op.summary.en} / ${op.summary.id}`,
    description: `${op.description.en}\n\n${op.description.id}`,
    security: [...SECURITY[op.auth]],
    requestParams: { ...(op.query ? { query: op.query } : {}), ...(op.pathParams ? { path: op.pathParams } : {}) },
    ...(op.body ? { requestBody: { required: true, content: jsonContent(op.body, op.example.body, op.xml) } } : {}),
    responses: {
      "200": { description: "OK", content: op.responseContentType ? { [op.responseContentType]: { schema: op.response } } : jsonContent(op.response, op.responseExample, op.xml) },
      ...errorResponses(...op.errors),
    },
  };
}

export function buildOpenApiDocument(serverUrl = "http://localhost:3000") {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of ALL_OPERATIONS) paths[op.path] = { ...(paths[op.path] ?? {}), [op.method]: operationObject(op) };

  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Saldo API",
      version: "1.0.0",
      description:
        "Merchant deposit portal: balance, top-up (bank transfer tickets, VA, QRIS), invoices, withdrawals, prepaid products (IAK-compatible), and signed callbacks. Amounts are whole rupiah integers. Errors use the ErrorEnvelope with a 4xx status; prepaid endpoints answer rc codes instead.",
    },
    servers: [{ url: serverUrl }],
    tags: Object.entries(GROUP_TAGS).map(([name, description]) => ({ name, description })),
    paths,
    webhooks: Object.fromEntries(
      CALLBACKS.map((cb) => [
        cb.type,
        {
          post: {
            summary: cb.summary,
            requestParams: { header: CALLBACK_HEADERS },
            requestBody: { content: { "application/json": { schema: cb.schema } } },
            responses: { "200": { description: "Any 2xx acknowledges the event; anything else is retried" }, "410": { description: "Gone: disables the endpoint" } },
          },
        },
      ]),
    ),
    components: {
      schemas: { ErrorEnvelope },
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "Authorization: Bearer <API key>" },
        apiKeyHeader: { type: "apiKey", in: "header", name: "X-API-Key" },
        apiKeyQuery: { type: "apiKey", in: "query", name: "apikey", description: "Accepted because seed 003 uses it; discouraged (URLs end up in logs)" },
      },
    },
  });
}
