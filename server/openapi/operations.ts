import { z } from "zod";
import { depositOperations } from "./deposit-operations";
import { prepaidOperations } from "./prepaid-operations";
import { withdrawOperations } from "./withdraw-operations";
import type { ApiOperation } from "./operation";

const openApiOperation: ApiOperation = {
  operationId: "getOpenApiDocument",
  group: "events",
  method: "get",
  path: "/api/v1/openapi.json",
  routeFile: "app/api/v1/openapi.json/route.ts",
  summary: { id: "Dokumen OpenAPI", en: "OpenAPI document" },
  description: { id: "Dokumen ini, dalam format OpenAPI 3.1.", en: "This document, as OpenAPI 3.1." },
  auth: "public",
  response: z.object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }) }).catchall(z.unknown()),
  errors: [],
  example: {},
  responseExample: { openapi: "3.1.0", info: { title: "Saldo API", version: "1.0.0" } },
};

/** Every documented operation, in the order the docs page shows them. */
export const ALL_OPERATIONS: ApiOperation[] = [...depositOperations, ...withdrawOperations, ...prepaidOperations, openApiOperation];
