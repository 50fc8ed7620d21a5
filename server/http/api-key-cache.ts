// The API keys this process has recently accepted, by key hash, so the REST hot path does not ask
// the database on every request. An entry lives API_KEY_CACHE_TTL_MS at most and is dropped at
// once when a key is revoked or its merchant suspended or reinstated in this process; on
// PostgreSQL every other process drops it too (LISTEN/NOTIFY, server/cache/invalidation.ts), and
// the cache is bypassed while that listener is not connected. On SQLite another process's change
// reaches this one within the TTL. Only keys that exist are cached (an unknown key always asks the
// database, and the failed-authentication limit bounds that). Every check that depends on the
// request (mode, console-key age, suspension, IP allow-list) still runs on every request.
import { invalidationGeneration, onInvalidation, sharedInvalidationReady } from "../cache/invalidation";
import { db } from "../db";

export const API_KEY_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

export type CachedApiKey = {
  id: string;
  merchantId: string;
  mode: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  merchantStatus: string;
  /** The allow-list, split once. */
  allowedIps: string[];
};

type Entry = { key: CachedApiKey; expiresAt: number };

const KEY = Symbol.for("saldo.apiKeyCache");
function entries(): Map<string, Entry> {
  const holder = globalThis as { [KEY]?: Map<string, Entry> };
  if (!holder[KEY]) {
    const map = new Map<string, Entry>();
    holder[KEY] = map;
    onInvalidation((message) => {
      if (message === "all") return map.clear();
      for (const [hash, entry] of map) {
        if (message.kind === "apiKey" ? entry.key.id === message.id : entry.key.merchantId === message.id) map.delete(hash);
      }
    });
  }
  return holder[KEY];
}

async function readApiKey(keyHash: string): Promise<CachedApiKey | null> {
  const record = await db.apiKey.findUnique({
    where: { keyHash },
    select: { id: true, merchantId: true, mode: true, createdAt: true, lastUsedAt: true, revokedAt: true, ipAllowlist: true, merchant: { select: { status: true } } },
  });
  if (!record) return null;
  return {
    id: record.id,
    merchantId: record.merchantId,
    mode: record.mode,
    createdAt: record.createdAt,
    lastUsedAt: record.lastUsedAt,
    revokedAt: record.revokedAt,
    merchantStatus: record.merchant.status,
    allowedIps: (record.ipAllowlist ?? "").split(",").map((s) => s.trim()).filter(Boolean),
  };
}

/** The key with this hash as the database has it (at most API_KEY_CACHE_TTL_MS old), or null when there is none. */
export async function findApiKeyByHash(keyHash: string, now = Date.now()): Promise<CachedApiKey | null> {
  const map = entries();
  const trusted = sharedInvalidationReady();
  const hit = map.get(keyHash);
  if (hit && trusted && hit.expiresAt > now) return hit.key;
  if (hit) map.delete(keyHash);
  const generation = invalidationGeneration();
  const key = await readApiKey(keyHash);
  // Cache only what no invalidation overtook while we read (a revoke that committed meanwhile).
  if (key && !key.revokedAt && trusted && generation === invalidationGeneration()) {
    if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value as string);
    map.set(keyHash, { key, expiresAt: now + API_KEY_CACHE_TTL_MS });
  }
  return key;
}

/** Notes a lastUsedAt written to the database, so the next minute's requests do not write it again. */
export function noteApiKeyUsed(keyHash: string, at: Date): void {
  const hit = entries().get(keyHash);
  if (hit) hit.key.lastUsedAt = at;
}
