// Who is calling the REST API: an API key in `Authorization: Bearer`, `X-API-Key`, or (seed
// 003, discouraged) `?apikey=`. Keys are looked up by hash; a key may restrict source IPs.
import type { Actor } from "../audit";
import { CONSOLE_KEY_HOURS, hashApiKey, isConsoleKey, servingKeyMode, type KeyMode } from "../auth/api-keys";
import { transaction } from "../db";
import { AppError } from "../errors";
import { findApiKeyByHash, noteApiKeyUsed } from "./api-key-cache";
import { clientIp } from "./client-ip";

export type ApiCaller = { merchantId: string; apiKeyId: string; actor: Actor; ip?: string; keyMode?: KeyMode; consoleKey?: boolean };

export function apiKeyFrom(req: Request): string | null {
  const bearer = req.headers.get("authorization")?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? req.headers.get("x-api-key")?.trim() ?? new URL(req.url).searchParams.get("apikey") ?? null;
}

/**
 * The caller of a REST request, or an AppError (401 / 403). The key is found through this
 * process's short-lived cache (server/http/api-key-cache.ts); `ip` is the request's client
 * address when the caller already worked it out.
 */
export async function authenticateApiKey(req: Request, ip: string | undefined = clientIp(req.headers)): Promise<ApiCaller> {
  const key = apiKeyFrom(req);
  if (!key) throw new AppError("UNAUTHORIZED", "API key wajib diisi / API key is required");
  const keyHash = hashApiKey(key);
  const record = await findApiKeyByHash(keyHash);
  if (!record || record.revokedAt) throw new AppError("UNAUTHORIZED", "API key tidak valid / Invalid API key");
  // A test key only where the sandbox serves, a live key only where real providers do.
  const keyMode: KeyMode = record.mode === "live" ? "live" : "sandbox";
  if (keyMode !== servingKeyMode()) {
    throw new AppError(
      "FORBIDDEN",
      keyMode === "live"
        ? "Live key (sk_live_) tidak berlaku di sandbox; pakai test key (sk_test_) / A live key (sk_live_) is refused while the sandbox serves; use a test key (sk_test_)"
        : "Test key (sk_test_) hanya berlaku di sandbox; pakai live key (sk_live_) / A test key (sk_test_) works only in the sandbox; use a live key (sk_live_)",
    );
  }
  const consoleKey = isConsoleKey(key);
  if (consoleKey && Date.now() - record.createdAt.getTime() > CONSOLE_KEY_HOURS * 3600_000) {
    throw new AppError("UNAUTHORIZED", "Key konsol API sudah kedaluwarsa; muat ulang halaman dokumentasi / This API console key has expired; reload the docs page");
  }
  if (record.merchantStatus !== "ACTIVE") throw new AppError("FORBIDDEN", "Merchant ditangguhkan / Merchant is suspended");
  const allowed = record.allowedIps;
  if (allowed.length && (!ip || !allowed.includes(ip))) {
    throw new AppError("FORBIDDEN", `Alamat IP ${ip ?? "?"} tidak diizinkan untuk API key ini / IP address not allowed for this API key`);
  }
  // Touch at most once a minute: a busy integration must not turn every read into a write.
  const now = new Date();
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > 60_000) {
    noteApiKeyUsed(keyHash, now);
    await transaction((tx) => tx.apiKey.updateMany({ where: { id: record.id }, data: { lastUsedAt: now } })).catch(() => undefined);
  }
  return { merchantId: record.merchantId, apiKeyId: record.id, actor: { type: "API_KEY", id: record.id }, ip, keyMode, consoleKey };
}
