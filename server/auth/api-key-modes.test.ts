// Issue 13, item 10 — API key modes: a test key (sk_test_) works only while the sandbox serves,
// a live key (sk_live_) only while it does not (real providers); the docs console's key is a
// test key of its own kind, issued only in the sandbox and short-lived.
import { afterEach, describe, expect, it } from "vitest";
import * as balance from "@/app/api/v1/balance/route";
import { createMerchant } from "../../tests/helpers/fixtures";
import { transaction } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { CONSOLE_KEY_HOURS, CONSOLE_KEY_PREFIX, createApiKey } from "./api-keys";
import { issueApiKey } from "./issue-api-key";
import { issueConsoleKey } from "./issue-console-key";

const sandboxBefore = env.SANDBOX;
afterEach(() => {
  env.SANDBOX = sandboxBefore;
});

async function balanceWith(key: string) {
  const res = await balance.GET(new Request("http://localhost/api/v1/balance", { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({}) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const actor = { type: "SYSTEM" as const };

describe("13.10 API key modes", () => {
  it("13.10 while the sandbox serves, a test key works and a live key is refused with 403", async () => {
    env.SANDBOX = true;
    const m = await createMerchant();
    const test = await transaction((tx) => createApiKey(tx, { merchantId: m.merchantId, name: "test", mode: "sandbox" }));
    const live = await transaction((tx) => createApiKey(tx, { merchantId: m.merchantId, name: "live", mode: "live" }));
    expect(test.key).toMatch(/^sk_test_/);
    expect(live.key).toMatch(/^sk_live_/);
    expect((await balanceWith(test.key)).status).toBe(200);
    const refused = await balanceWith(live.key);
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ success: false, code: "FORBIDDEN" });
    expect(String(refused.json.error)).toMatch(/live key/i);
  });

  it("13.10 while real providers serve (SANDBOX off), a test key is refused with 403 and a live key works", async () => {
    const m = await createMerchant();
    const test = await transaction((tx) => createApiKey(tx, { merchantId: m.merchantId, name: "test", mode: "sandbox" }));
    const live = await transaction((tx) => createApiKey(tx, { merchantId: m.merchantId, name: "live", mode: "live" }));
    env.SANDBOX = false;
    const refused = await balanceWith(test.key);
    expect(refused.status).toBe(403);
    expect(String(refused.json.error)).toMatch(/test key/i);
    expect((await balanceWith(live.key)).status).toBe(200);
  });

  it("13.10 the portal issues keys in the mode the installation serves; an imported key keeps its prefix's mode", async () => {
    const m = await createMerchant();
    env.SANDBOX = true;
    const test = await issueApiKey({ merchantId: m.merchantId, name: "integration", actor });
    expect([test.key.slice(0, 8), test.mode]).toEqual(["sk_test_", "sandbox"]);
    env.SANDBOX = false;
    const live = await issueApiKey({ merchantId: m.merchantId, name: "integration", actor });
    expect([live.key.slice(0, 8), live.mode]).toEqual(["sk_live_", "live"]);
    const imported = await transaction((tx) => createApiKey(tx, { merchantId: m.merchantId, name: "seed", key: `sk_test_imported_${m.merchantId}` }));
    expect(imported.record.mode).toBe("sandbox");
  });

  it("13.10 the docs console's key is a recognisable test key: refused to issue and to use without the sandbox, and short-lived", async () => {
    const m = await createMerchant();
    env.SANDBOX = true;
    const first = await issueConsoleKey(m.merchantId, actor);
    expect(first.key.startsWith(CONSOLE_KEY_PREFIX)).toBe(true);
    expect(first.prefix.startsWith(CONSOLE_KEY_PREFIX)).toBe(true);
    expect(first.mode).toBe("sandbox");
    expect((await balanceWith(first.key)).status).toBe(200);

    // A new console session revokes the previous console key, and only console keys.
    const own = await issueApiKey({ merchantId: m.merchantId, name: "API console", actor }); // a merchant's own key with that name
    const second = await issueConsoleKey(m.merchantId, actor);
    expect((await balanceWith(first.key)).status).toBe(401);
    expect((await balanceWith(own.key)).status).toBe(200);

    // Past its lifetime it stops working.
    await transaction((tx) => tx.apiKey.update({ where: { id: second.id }, data: { createdAt: new Date(Date.now() - (CONSOLE_KEY_HOURS * 3600_000 + 60_000)) } }));
    expect((await balanceWith(second.key)).status).toBe(401);

    // Without the sandbox: no console key is issued, and a console key already out is refused.
    const third = await issueConsoleKey(m.merchantId, actor);
    env.SANDBOX = false;
    expect((await balanceWith(third.key)).status).toBe(403);
    const error = await issueConsoleKey(m.merchantId, actor).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("FORBIDDEN");
  });
});
