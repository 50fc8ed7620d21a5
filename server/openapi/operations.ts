import { z } from "zod";
import { depositOperations } from "./deposit-operations";
import { paymentLinkOperations } from "./payment-link-operations";
import { prepaidOperations } from "./prepaid-operations";
import { batchOperations } from "./batch-operations";
import { withdrawOperations } from "./withdraw-operations";
import { restOperation, type ApiOperation } from "./operation";

const openApiOperation = restOperation("getOpenApiDocument", "get /api/v1/openapi.json", {
  group: "events",
  summary: { id: "Dokumen OpenAPI", en: "OpenAPI document" },
  description: { id: "Dokumen ini, dalam format OpenAPI 3.1.", en: "This document, as OpenAPI 3.1." },
  auth: "public",
  response: z.object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }) }).catchall(z.unknown()),
  responseExample: { openapi: "3.1.0", info: { title: "Saldo API", version: "1.0.0" } },
});

/** Every documented operation, in the order the docs page shows them. */
export const ALL_OPERATIONS: ApiOperation[] = [...depositOperations, ...paymentLinkOperations, ...withdrawOperations, ...batchOperations, ...prepaidOperations, openApiOperation];
