// The merchant creates an API key on the Developers page; the key is shown once. It is a test key
// (sk_test_) while the sandbox serves and a live key (sk_live_) otherwise (server/auth/api-keys.ts).
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { createApiKey } from "./api-keys";

export function normaliseIpAllowlist(raw: string | undefined): string | null {
  const ips = (raw ?? "").split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
  const bad = ips.find((ip) => !/^(\d{1,3}\.){3}\d{1,3}$/.test(ip) && !/^[0-9a-f:]+$/i.test(ip));
  if (bad) throw new AppError("VALIDATION", `Alamat IP tidak valid: ${bad} / Invalid IP address`);
  return ips.length ? [...new Set(ips)].join(",") : null;
}

export async function issueApiKey(input: { merchantId: string; name: string; ipAllowlist?: string; actor: Actor }) {
  const ipAllowlist = normaliseIpAllowlist(input.ipAllowlist);
  return transaction(async (tx) => {
    // The allow-list is written with the key: a key is never usable (nor cached) without it.
    const { key, record } = await createApiKey(tx, { merchantId: input.merchantId, name: input.name.trim() || "API key", ipAllowlist });
    await recordAudit(tx, { actor: input.actor, action: "api_key.create", targetType: "api_key", targetId: record.id, merchantId: input.merchantId, metadata: { mode: record.mode } });
    return { id: record.id, key, prefix: record.prefix, mode: record.mode };
  });
}
