import { appUrl } from "@/server/env";
import { buildOpenApiDocument } from "@/server/openapi/document";

/** The OpenAPI 3.1 document of the REST surface. Public. */
export function GET() {
  return Response.json(buildOpenApiDocument(appUrl()), { headers: { "cache-control": "public, max-age=300" } });
}
