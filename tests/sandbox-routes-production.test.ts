// Issue 12 — in a real production start the sandbox routes do not exist, whatever the request
// says: SANDBOX=1 without ALLOW_SANDBOX_IN_PRODUCTION leaves the sandbox off (and the start is
// refused anyway), so /api/sandbox/pay and /api/webhooks/sandbox answer 404 and change nothing.
import { describe, expect, it, vi } from "vitest";

vi.stubEnv("NODE_ENV", "production");
vi.stubEnv("SANDBOX", "1");
vi.stubEnv("ALLOW_SANDBOX_IN_PRODUCTION", "");

describe("sandbox routes in production", () => {
  it("answer 404 with the error envelope", async () => {
    const { env } = await import("@/server/env");
    expect(env.SANDBOX).toBe(false);
    const pay = await import("@/app/api/sandbox/pay/route");
    const webhook = await import("@/app/api/webhooks/sandbox/route");
    const body = JSON.stringify({ reference: "inv_00000000000000000000000000", amount: 10_000 });
    for (const handler of [pay.POST, webhook.POST]) {
      const response = await handler(new Request("http://localhost/api/x", { method: "POST", headers: { "content-type": "application/json" }, body }));
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ success: false, code: "NOT_FOUND" });
    }
  });

  it("the settlement simulator is refused", async () => {
    const { simulateSettlement } = await import("@/server/treasury/simulate-settlement");
    await expect(simulateSettlement("merchant-id", 10_000n, { type: "SYSTEM" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
