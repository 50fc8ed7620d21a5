// The REST hot path's API-key cache: every security answer still holds, a revoke or a suspension
// takes effect in this process at once, and in another process at once on PostgreSQL
// (LISTEN/NOTIFY) or within the TTL on SQLite; nothing is written per request.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import * as balance from "@/app/api/v1/balance/route";
import { hashApiKey } from "@/server/auth/api-keys";
import { issueConsoleKey } from "@/server/auth/issue-console-key";
import { revokeApiKey } from "@/server/auth/revoke-api-key";
import { stopInvalidationListener, waitForSharedInvalidation } from "@/server/cache/invalidation";
import { db, engine } from "@/server/db";
import { setMerchantSuspension } from "@/server/merchants/suspend-merchant";
import { createKey, createMerchant, fund } from "@/tests/helpers/fixtures";
import { API_KEY_CACHE_TTL_MS, findApiKeyByHash } from "./api-key-cache";

const run = promisify(execFile);
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const admin = { type: "SYSTEM" as const, id: "test" };

async function getBalance(key: string, ip = "203.0.113.50") {
  const req = new Request("http://localhost/api/v1/balance", { headers: { authorization: `Bearer ${key}`, "x-forwarded-for": ip } });
  const res = await balance.GET(req, { params: Promise.resolve({}) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Another process on the same database revokes the key (tsx, the real use case). */
async function revokeInAnotherProcess(merchantId: string, keyId: string) {
  const script = `(async () => {
    const { revokeApiKey } = await import(${JSON.stringify(path.join(process.cwd(), "server/auth/revoke-api-key.ts"))});
    const { db } = await import(${JSON.stringify(path.join(process.cwd(), "server/db.ts"))});
    await revokeApiKey({ merchantId: ${JSON.stringify(merchantId)}, keyId: ${JSON.stringify(keyId)}, actor: { type: "SYSTEM", id: "other-process" } });
    await db.$disconnect();
  })().catch((error) => { console.error(error); process.exit(1); });`;
  await run(tsx, ["--eval", script], { env: { ...process.env }, timeout: 60_000 });
}

async function keyIdOf(key: string) {
  return (await db.apiKey.findUniqueOrThrow({ where: { keyHash: hashApiKey(key) }, select: { id: true } })).id;
}

afterAll(async () => {
  await stopInvalidationListener();
});

describe(`API-key cache on ${engine}`, () => {
  it("serves a known key from the cache without writing on every request, and still checks the IP allow-list each time", async () => {
    expect(await waitForSharedInvalidation(10_000)).toBe(true);
    const m = await createMerchant();
    await fund(m.merchantId, 75_000);
    const key = await createKey(m.merchantId, { ipAllowlist: "203.0.113.50" });
    expect(await getBalance(key)).toEqual({ status: 200, json: { balance: 75_000, pending: 0 } });
    const firstUse = (await db.apiKey.findUniqueOrThrow({ where: { keyHash: hashApiKey(key) } })).lastUsedAt;
    expect(firstUse).not.toBeNull();
    for (let i = 0; i < 5; i++) expect((await getBalance(key)).status).toBe(200);
    // Touched at most once a minute: the five requests after the first wrote nothing.
    expect((await db.apiKey.findUniqueOrThrow({ where: { keyHash: hashApiKey(key) } })).lastUsedAt).toEqual(firstUse);
    // The cached key is still held against the request's address.
    const refused = await getBalance(key, "198.51.100.9");
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe("FORBIDDEN");
  });

  it("a revoked key is 401 in this process at once, though it was cached", async () => {
    const m = await createMerchant();
    const key = await createKey(m.merchantId);
    expect((await getBalance(key)).status).toBe(200);
    await revokeApiKey({ merchantId: m.merchantId, keyId: await keyIdOf(key), actor: admin });
    const after = await getBalance(key);
    expect(after.status).toBe(401);
    expect(after.json.code).toBe("UNAUTHORIZED");
  });

  it("a suspended merchant's cached key is 403 at once, and works again once reinstated", async () => {
    const m = await createMerchant();
    const key = await createKey(m.merchantId);
    expect((await getBalance(key)).status).toBe(200);
    await setMerchantSuspension({ merchantId: m.merchantId, suspend: true, reason: "uji penangguhan", actor: admin });
    const suspended = await getBalance(key);
    expect(suspended.status).toBe(403);
    expect(suspended.json.error).toMatch(/suspended/);
    await setMerchantSuspension({ merchantId: m.merchantId, suspend: false, reason: "uji pemulihan", actor: admin });
    expect((await getBalance(key)).status).toBe(200);
  });

  it("a new console key revokes the cached previous one at once", async () => {
    const m = await createMerchant();
    const first = await issueConsoleKey(m.merchantId, admin);
    expect((await getBalance(first.key)).status).toBe(200);
    const second = await issueConsoleKey(m.merchantId, admin);
    expect((await getBalance(first.key)).status).toBe(401);
    expect((await getBalance(second.key)).status).toBe(200);
  });

  if (engine === "postgres") {
    it("a key revoked by another process is refused here as soon as its notification arrives (LISTEN/NOTIFY)", async () => {
      expect(await waitForSharedInvalidation(10_000)).toBe(true);
      const m = await createMerchant();
      const key = await createKey(m.merchantId);
      expect((await getBalance(key)).status).toBe(200);
      expect((await getBalance(key)).status).toBe(200);
      await revokeInAnotherProcess(m.merchantId, await keyIdOf(key));
      // The notification is sent on commit; allow it a moment to cross the connection.
      const deadline = Date.now() + 5_000;
      let status = 200;
      while (Date.now() < deadline && (status = (await getBalance(key)).status) === 200) await new Promise((r) => setTimeout(r, 25));
      expect(status).toBe(401);
    }, 90_000);
  } else {
    it("a key revoked by another process is refused here once the cached entry's TTL has passed (SQLite has no channel)", async () => {
      const m = await createMerchant();
      const key = await createKey(m.merchantId);
      expect((await getBalance(key)).status).toBe(200);
      await revokeInAnotherProcess(m.merchantId, await keyIdOf(key));
      const hash = hashApiKey(key);
      // Within the TTL this process may still answer from its copy …
      expect((await findApiKeyByHash(hash))?.revokedAt ?? null).toBeNull();
      // … and past it, it asks the database again and sees the revocation.
      expect((await findApiKeyByHash(hash, Date.now() + API_KEY_CACHE_TTL_MS + 1))?.revokedAt).toBeInstanceOf(Date);
      expect((await getBalance(key)).status).toBe(401);
    }, 90_000);
  }
});
