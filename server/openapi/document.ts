// The OpenAPI 3.1 document, generated from the same zod schemas that validate the REST input.
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { ALL_OPERATIONS } from "./operations";
import { ErrorEnvelope, errorResponses } from "./shared";
import { CALLBACK_HEADERS, CALLBACKS } from "./webhook-schemas";

const SECURITY: Record<string, Record<string, string[]>[]> = { apiKey: [{ bearerAuth: [] }, { apiKeyHeader: [] }, { apiKeyQuery: [] }], public: [], sign: [] };

export function buildOpenApiDocument(serverUrl = "http://localhost:3000") {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of ALL_OPERATIONS) {
    const operation: ZodOpenApiOperationObject = {
      operationId: op.operationId,
      tags: [op.group],
      summary: `${op.summary.en} / ${op.summary.id}`,
      description: `${op.description.en}\n\n${op.description.id}`,
      security: [...(SECURITY[op.auth] ?? [])],
      requestParams: { ...(op.query ? { query: op.query } : {}), ...(op.pathParams ? { path: op.pathParams } : {}) },
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": { schema: op.body, ...(op.example.body ? { example: op.example.body } : {}) },
                ...(op.xml ? { "application/xml": { schema: op.body } } : {}),
              },
            },
          }
        : {}),
      responses: {
        "200": {
          description: "OK",
          content: op.responseContentType
            ? { [op.responseContentType]: { schema: op.response } }
            : {
                "application/json": { schema: op.response, ...(op.responseExample !== null ? { example: op.responseExample } : {}) },
                ...(op.xml ? { "application/xml": { schema: op.response } } : {}),
              },
        },
        ...errorResponses(...op.errors),
      },
    };
    paths[op.path] = { ...(paths[op.path] ?? {}), [op.method]: operation };
  }

  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Saldo API",
      version: "1.0.0",
      description:
        "Merchant deposit portal: balance, top-up (bank transfer tickets, VA, QRIS), invoices, withdrawals, prepaid products (IAK-compatible), and signed callbacks. Amounts are whole rupiah integers. Errors use the ErrorEnvelope with a 4xx status; prepaid endpoints answer rc codes instead.",
    },
    servers: [{ url: serverUrl }],
    tags: [
      { name: "balance", description: "Saldo" },
      { name: "topup", description: "Top-up (seed 000)" },
      { name: "invoices", description: "Invoice deposit QRIS (seed 003)" },
      { name: "withdrawals", description: "Withdraw (seed 003)" },
      { name: "prepaid", description: "Prepaid, IAK-compatible (seed 002)" },
      { name: "events", description: "Callbacks and polling" },
    ],
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
