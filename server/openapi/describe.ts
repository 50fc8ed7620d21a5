// Plain descriptions of operations for the docs page and its console: parameters with their
// descriptions and examples, and request samples in curl, Node and PHP.
import { z } from "zod";
import type { ApiOperation } from "./operation";

import type { ParamDoc } from "../../lib/api-request";

export type { ParamDoc };

function meta(schema: z.ZodType): { description?: string; example?: unknown } {
  return (schema.meta() as { description?: string; example?: unknown } | undefined) ?? {};
}

function paramsOf(schema: z.ZodType | undefined, where: ParamDoc["in"], examples: Record<string, unknown> = {}): ParamDoc[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const m = meta(field);
    const example = examples[name] ?? m.example ?? "";
    return { name, in: where, required: !field.isOptional(), description: m.description ?? "", example: typeof example === "string" ? example : JSON.stringify(example) };
  });
}

export function describeParams(op: ApiOperation): ParamDoc[] {
  return [
    ...paramsOf(op.pathParams, "path", op.example.path),
    ...paramsOf(op.query, "query", op.example.query),
    ...paramsOf(op.body, "body", op.example.body),
  ];
}

