// Small builders for tests: a merchant with accounts, funded through the ledger like a deposit.
import { randomUUID } from "node:crypto";
import { registerMerchant } from "../../server/auth/register-merchant";
import { transaction } from "../../server/db";
import { credit } from "../../server/ledger";
import { alertOnLowBalances } from "../../server/treasury/low-balance";

const PASSWORD = "kunci-rahasia-uji-9";

export async function createMerchant(name = "Toko Uji", { verified = true }: { verified?: boolean } = {}) {
  const email = `m-${randomUUID()}@test.saldo`;
  const { merchantId, userId } = await registerMerchant({ businessName: name, email, password: PASSWORD });
  // Like every account from before email verification (issue 16), fixtures count as verified unless a test asks otherwise.
  if (verified) await transaction((tx) => tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } }));
  return { merchantId, userId, email, password: PASSWORD };
}

export async function fund(merchantId: string, amount: bigint | number) {
  return transaction(async (tx) => {
    const funded = await credit(tx, { merchantId, amount, idempotencyKey: `test-fund:${randomUUID()}`, reference: "test" });
    // As a paid deposit does: the balance alert reacts to the credit in the same transaction.
    await alertOnLowBalances(tx, funded.changedWallets);
    return funded;
  });
}

export async function createKey(merchantId: string, options: { ipAllowlist?: string } = {}) {
  const { createApiKey } = await import("../../server/auth/api-keys");
  const { key, record } = await transaction((tx) => createApiKey(tx, { merchantId, name: "test" }));
  if (options.ipAllowlist) await transaction((tx) => tx.apiKey.update({ where: { id: record.id }, data: { ipAllowlist: options.ipAllowlist } }));
  return key;
}

/** A webhook request signed as the sandbox gateway (or with `secret` to forge one). */
export async function signedSandboxWebhook(body: Record<string, unknown>, secret?: string) {
  const { hmacSha512Hex } = await import("../../server/crypto/hmac");
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
  const { sealPrepaidKey } = await import("../../server/prepaid/prepaid-credentials");
  await transaction((tx) => tx.merchant.update({ where: { id: m.merchantId }, data: { phone: username, prepaidApiKey: sealPrepaidKey(m.merchantId, apiKey) } }));
  await upsertCatalogue();
  return { ...m, username, apiKey };
}

/**
 * Two-factor sign-in turned on for a user, with a fresh secret (returned, to compute codes):
 * every admin needs it for admin procedures, and a merchant user for a portal withdrawal.
 */
export async function enrolTwoFactor(userId: string): Promise<string> {
  const { sealSecret } = await import("../../server/crypto/data-encryption");
  const { newTotpSecret, secretContext } = await import("../../server/two-factor/totp");
  const secret = newTotpSecret();
  const sealed = sealSecret(secret, secretContext(userId));
  await transaction((tx) => tx.userTwoFactor.upsert({ where: { userId }, create: { userId, secret: sealed, enabledAt: new Date() }, update: { secret: sealed, enabledAt: new Date(), lastUsedStep: null } }));
  return secret;
}
