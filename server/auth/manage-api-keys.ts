// The Developers page's API keys: list (prefixes only), create (shown once), revoke.
import { recordAudit, type Actor } from "../audit";
import { db, transaction } from "../db";
import { AppError } from "../errors";
import { createApiKey } from "./api-keys";

export async function listApiKeys(merchantId: string) {
  return db.apiKey.findMany({
    where: { merchantId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, mode: true, ipAllowlist: true, lastUsedAt: true, revokedAt: true, createdAt: true },
  });
}

export function normaliseIpAllowlist(raw: string | undefined): string | null {
  const ips = (raw ?? "").split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
  const bad = ips.find((ip) => !/^(\d{1,3}\.){3}\d{1,3}$/.test(ip) && !/^[0-9a-f:]+$/i.test(ip));
  if (bad) throw new AppError("VALIDATION", `Alamat IP tidak valid: ${bad} / Invalid IP address`);
  return ips.length ? [...new Set(ips)].join(",") : null;
}

export async function issueApiKey(input: { merchantId: string; name: string; ipAllowlist?: string; actor: Actor }) {
  const ipAllowlist = normaliseIpAllowlist(input.ipAllowlist);
  return transaction(async (tx) => {
    const { key, record } = await createApiKey(tx, { merchantId: input.merchantId, name: input.name.trim() || "API key" });
    if (ipAllowlist) await tx.apiKey.update({ where: { id: record.id }, data: { ipAllowlist } });
    await recordAudit(tx, { actor: input.actor, action: "api_key.create", targetType: "api_key", targetId: record.id, merchantId: input.merchantId });
    return { id: record.id, key, prefix: record.prefix };
  });
}

export async function revokeApiKey(input: { merchantId: string; keyId: string; actor: Actor }) {
  return transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id: input.keyId, merchantId: input.merchantId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new AppError("NOT_FOUND", "API key tidak ditemukan / API key not found");
    await recordAudit(tx, { actor: input.actor, action: "api_key.revoke", targetType: "api_key", targetId: input.keyId, merchantId: input.merchantId });
    return { revoked: true };
  });
}

export const CONSOLE_KEY_NAME = "API console";

/**
 * A sandbox key for the docs page's live console. Keys are stored hashed and cannot be shown
 * again, so each console session gets a fresh one and the previous console keys are revoked.
 */
export async function issueConsoleKey(merchantId: string, actor: Actor) {
  await transaction((tx) => tx.apiKey.updateMany({ where: { merchantId, name: CONSOLE_KEY_NAME, revokedAt: null }, data: { revokedAt: new Date() } }));
  return issueApiKey({ merchantId, name: CONSOLE_KEY_NAME, actor });
}
