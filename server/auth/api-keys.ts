// API keys: shown once, stored as a SHA-256 hash (a key is long and random, so a fast hash
// is enough; no KDF needed), told apart in the portal by their prefix.
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "../db";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateApiKey(mode: "sandbox" | "live" = "sandbox"): string {
  return `sk_${mode === "live" ? "live" : "test"}_${randomBytes(24).toString("base64url")}`;
}

/** Stores a key for a merchant; pass `key` to import a known one (the seed's SEED_API_KEY). */
export async function createApiKey(tx: Tx, input: { merchantId: string; name: string; key?: string; mode?: "sandbox" | "live" }) {
  const key = input.key ?? generateApiKey(input.mode);
  const record = await tx.apiKey.create({
    data: { merchantId: input.merchantId, name: input.name, prefix: key.slice(0, 12), keyHash: hashApiKey(key), mode: input.mode ?? "sandbox" },
  });
  return { key, record };
}
