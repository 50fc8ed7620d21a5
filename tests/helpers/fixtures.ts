// Small builders for tests: a merchant with accounts, funded through the ledger like a deposit.
import { randomUUID } from "node:crypto";
import { registerMerchant } from "../../server/auth/register-merchant";
import { transaction } from "../../server/db";
import { credit } from "../../server/ledger";

export async function createMerchant(name = "Toko Uji") {
  const email = `m-${randomUUID()}@test.saldo`;
  const { merchantId, userId } = await registerMerchant({ businessName: name, email, password: "password123" });
  return { merchantId, userId, email, password: "password123" };
}

export async function fund(merchantId: string, amount: bigint | number) {
  return transaction((tx) => credit(tx, { merchantId, amount, idempotencyKey: `test-fund:${randomUUID()}`, reference: "test" }));
}

export async function createKey(merchantId: string, options: { ipAllowlist?: string } = {}) {
  const { createApiKey } = await import("../../server/auth/api-keys");
  const { key, record } = await transaction((tx) => createApiKey(tx, { merchantId, name: "test" }));
  if (options.ipAllowlist) await transaction((tx) => tx.apiKey.update({ where: { id: record.id }, data: { ipAllowlist: options.ipAllowlist } }));
  return key;
}

/** A webhook request signed as the sandbox gateway (or with `secret` to forge one). */
export async function signedSandboxWebhook(body: Record<string, unknown>, secret?: string) {
  const { hmacSha512Hex } = await import("../../server/webhooks/signatures");
  const { env } = await import("../../server/env");
  const raw = JSON.stringify(body);
  return new Request("http://localhost/api/webhooks/sandbox", {
    method: "POST",
    headers: { "content-type": "application/json", "x-signature": hmacSha512Hex(secret ?? env.SANDBOX_WEBHOOK_SECRET, raw) },
    body: raw,
  });
}

/** A merchant set up for the prepaid (IAK) API — a unique phone number as username and a prepaid key — with the catalogue loaded. */
export async function createPrepaidMerchant(name = "Toko Pulsa") {
  const { upsertCatalogue } = await import("../../server/prepaid/upsert-catalogue");
  const m = await createMerchant(name);
  const username = `0899${randomUUID().replace(/\D/g, "").padEnd(8, "7").slice(0, 8)}`;
  const apiKey = randomUUID().replace(/-/g, "");
  await transaction((tx) => tx.merchant.update({ where: { id: m.merchantId }, data: { phone: username, prepaidApiKey: apiKey } }));
  await upsertCatalogue();
  return { ...m, username, apiKey };
}
