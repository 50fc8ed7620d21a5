import { describe, expect, it } from "vitest";
import { batchOperations } from "../server/openapi/batch-operations";
import { describeParams } from "../server/openapi/describe";
import { buildRequest } from "./api-request";

describe("buildRequest", () => {
  it("sends a batch payout's documented example rows as a JSON array, as the API expects", () => {
    const op = batchOperations.find((o) => o.operationId === "requestWithdrawBatch")!;
    const params = describeParams(op);
    const values = Object.fromEntries(params.map((p) => [p.name, p.example]));
    const req = buildRequest({ method: op.method, path: op.path, auth: op.auth, params }, "http://localhost", { ...values, confirmDuplicates: "true" }, { apiKey: "k" });
    const body = JSON.parse(req.body!) as { rows: unknown[]; confirmDuplicates: boolean };
    expect(Array.isArray(body.rows)).toBe(true);
    expect(body.rows).toHaveLength(2);
    expect(body.confirmDuplicates).toBe(true);
    expect(op.body!.safeParse(body).success).toBe(true);
  });
});
