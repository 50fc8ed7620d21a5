// Issue 13, item 11 — secrets at rest: the merchant's prepaid API key is stored sealed with
// AES-256-GCM under DATA_ENCRYPTION_KEY (with the key's id), still signs md5 requests, survives a
// key rotation (DATA_ENCRYPTION_KEYS_OLD + `npm run secrets:rotate`), and a legacy clear row is
// sealed on its first use.
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createMerchant, createPrepaidMerchant } from "../../tests/helpers/fixtures";
import { dataKeyId, decodeDataKey, openSecret, sealSecret } from "../crypto/data-encryption";
import { db, transaction } from "../db";
import { env } from "../env";
import { authenticatePrepaid, prepaidSign } from "./authenticate";
import { getPrepaidCredentials } from "./prepaid-credentials";
import { regeneratePrepaidKey } from "./regenerate-prepaid-key";
import { resealPrepaidKeys } from "./reseal-prepaid-keys";
import { setPrepaidUsername } from "./set-prepaid-username";

const keysBefore = { current: env.DATA_ENCRYPTION_KEY, old: env.DATA_ENCRYPTION_KEYS_OLD };
afterEach(() => {
  env.DATA_ENCRYPTION_KEY = keysBefore.current;
  env.DATA_ENCRYPTION_KEYS_OLD = keysBefore.old;
});

const actor = { type: "SYSTEM" as const };
const stored = async (merchantId: string) => (await db.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { prepaidApiKey: true } })).prepaidApiKey!;
const kidOf = (value: string) => value.split(":")[2];
const currentKid = () => dataKeyId(decodeDataKey(env.DATA_ENCRYPTION_KEY));

async function prepaidMerchantWithRegeneratedKey() {
  const m = await createMerchant();
  const phone = `0877${randomBytes(4).readUInt32BE(0).toString().padStart(8, "0").slice(0, 8)}`;
  await setPrepaidUsername({ merchantId: m.merchantId, phone, actor });
  const { apiKey } = await regeneratePrepaidKey({ merchantId: m.merchantId, actor });
  return { ...m, username: phone, apiKey };
}

describe("13.11 prepaid key encrypted at rest", () => {
  it("13.11 stores the prepaid key sealed (AES-256-GCM, with the key id), never in clear, and it still signs", async () => {
    const m = await prepaidMerchantWithRegeneratedKey();
    const value = await stored(m.merchantId);
    expect(value).not.toContain(m.apiKey);
    expect(value).toMatch(/^enc:v1:[0-9a-f]{12}:[\w-]+:[\w-]+:[\w-]+$/);
    expect(kidOf(value)).toBe(currentKid());
    expect(await getPrepaidCredentials(m.merchantId)).toEqual({ username: m.username, apiKey: m.apiKey, ipAllowlist: null });
    const sign = prepaidSign(m.username, m.apiKey, "ref-1");
    expect(await authenticatePrepaid({ username: m.username, sign, signed: "ref-1" })).toMatchObject({ ok: true, caller: { merchantId: m.merchantId } });
  });

  it("13.11 a sealed value is bound to its merchant and to its bytes: copied or altered, it does not open", async () => {
    const a = await createPrepaidMerchant();
    const b = await createPrepaidMerchant();
    await transaction((tx) => tx.merchant.update({ where: { id: b.merchantId }, data: { prepaidApiKey: "placeholder" } }));
    const copied = await stored(a.merchantId);
    await transaction((tx) => tx.merchant.update({ where: { id: b.merchantId }, data: { prepaidApiKey: copied } }));
    const sign = prepaidSign(b.username, a.apiKey, "ref-2");
    expect(await authenticatePrepaid({ username: b.username, sign, signed: "ref-2" })).toMatchObject({ ok: false });
    const sealed = sealSecret("secret-value", "ctx");
    const parts = sealed.split(":");
    parts[4] = Buffer.from("tampered!!").toString("base64url");
    expect(() => openSecret(parts.join(":"), "ctx")).toThrow();
    expect(() => openSecret(sealed, "other-ctx")).toThrow();
  });

  it("13.11 a legacy clear row keeps working and is sealed on its first use", async () => {
    const m = await createPrepaidMerchant();
    await transaction((tx) => tx.merchant.update({ where: { id: m.merchantId }, data: { prepaidApiKey: m.apiKey } }));
    const sign = prepaidSign(m.username, m.apiKey, "ref-3");
    expect(await authenticatePrepaid({ username: m.username, sign, signed: "ref-3" })).toMatchObject({ ok: true });
    const value = await stored(m.merchantId);
    expect(value.startsWith("enc:v1:")).toBe(true);
    expect(value).not.toContain(m.apiKey);
    expect(await authenticatePrepaid({ username: m.username, sign, signed: "ref-3" })).toMatchObject({ ok: true });
  });

  it("13.11 rotation: old keys still open, `secrets:rotate` re-seals every row under the new key, then the old key can go", async () => {
    const oldKey = randomBytes(32).toString("base64url");
    const newKey = randomBytes(32).toString("hex");
    env.DATA_ENCRYPTION_KEY = oldKey;
    env.DATA_ENCRYPTION_KEYS_OLD = [];
    const m = await prepaidMerchantWithRegeneratedKey();
    const legacy = await createPrepaidMerchant();
    await transaction((tx) => tx.merchant.update({ where: { id: legacy.merchantId }, data: { prepaidApiKey: legacy.apiKey } }));
    const sealedUnderOld = await stored(m.merchantId);

    env.DATA_ENCRYPTION_KEY = newKey;
    // (The development key too: this file's other merchants were sealed under it.)
    env.DATA_ENCRYPTION_KEYS_OLD = [oldKey, keysBefore.current];
    expect(openSecret(sealedUnderOld, `merchant:${m.merchantId}:prepaidApiKey`)).toEqual({ value: m.apiKey, current: false });

    const result = await resealPrepaidKeys();
    const failed = result.failed.map((f) => f.merchantId);
    expect(failed).not.toContain(m.merchantId);
    expect(failed).not.toContain(legacy.merchantId);
    expect(result.resealed).toBeGreaterThanOrEqual(2);
    for (const id of [m.merchantId, legacy.merchantId]) expect(kidOf(await stored(id))).toBe(currentKid());
    expect((await resealPrepaidKeys()).resealed).toBe(0); // nothing left that a known key opens

    env.DATA_ENCRYPTION_KEYS_OLD = [];
    const sign = prepaidSign(m.username, m.apiKey, "ref-4");
    expect(await authenticatePrepaid({ username: m.username, sign, signed: "ref-4" })).toMatchObject({ ok: true });
    const legacySign = prepaidSign(legacy.username, legacy.apiKey, "ref-4");
    expect(await authenticatePrepaid({ username: legacy.username, sign: legacySign, signed: "ref-4" })).toMatchObject({ ok: true });
  });

  it("13.11 a value sealed under a key the server does not have is reported by the rotation, not lost", async () => {
    const m = await prepaidMerchantWithRegeneratedKey();
    env.DATA_ENCRYPTION_KEY = randomBytes(32).toString("hex");
    env.DATA_ENCRYPTION_KEYS_OLD = [];
    const result = await resealPrepaidKeys();
    expect(result.failed.map((f) => f.merchantId)).toContain(m.merchantId);
    expect(result.failed.find((f) => f.merchantId === m.merchantId)!.reason).toMatch(/DATA_ENCRYPTION_KEYS_OLD/);
    const sign = prepaidSign(m.username, m.apiKey, "ref-5");
    expect(await authenticatePrepaid({ username: m.username, sign, signed: "ref-5" })).toMatchObject({ ok: false });
  });
});
