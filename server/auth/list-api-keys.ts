// The Developers page's API keys: prefixes only, never a key or its hash.
import { db } from "../db";

export async function listApiKeys(merchantId: string) {
  return db.apiKey.findMany({
    where: { merchantId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, mode: true, ipAllowlist: true, lastUsedAt: true, revokedAt: true, createdAt: true },
  });
}
