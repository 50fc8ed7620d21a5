// Secrets kept at rest (the merchant's prepaid API key, which the md5 sign scheme needs in
// clear) are sealed with AES-256-GCM under DATA_ENCRYPTION_KEY. A sealed value reads
//
//   enc:v1:<key id>:<iv>:<ciphertext>:<tag>        (base64url parts; key id = 12 hex of sha256(key))
//
// and is bound to where it lives (`context`, e.g. "merchant:<id>:prepaidApiKey", as GCM's
// additional data), so a value copied onto another row does not open. Rotation: put the new
// key in DATA_ENCRYPTION_KEY and the previous ones in DATA_ENCRYPTION_KEYS_OLD; values sealed
// under an old key still open (the key id says which), every new write uses the current key,
// and `npm run secrets:rotate` re-seals the rest, after which the old keys can go. A value
// without the `enc:` prefix is a legacy clear value from before encryption: it still reads,
// and is sealed on its next use or by the rotate script.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "../env";

const PREFIX = "enc:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

type DataKey = { id: string; key: Buffer };
type Keyring = { current: DataKey | null; byId: Map<string, DataKey> };

/** 32 bytes from 64 hex characters or base64 / base64url (env.ts checked the shape). */
export function decodeDataKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) throw new Error("A data encryption key must be 32 bytes (64 hex characters or base64)");
  return key;
}

export function dataKeyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 12);
}

let cached: { source: string; ring: Keyring } | undefined;

/** The keys from the environment, read at each call (cheaply) so a test or a rotation sees changes. */
function keyring(): Keyring {
  const source = `${env.DATA_ENCRYPTION_KEY}|${env.DATA_ENCRYPTION_KEYS_OLD.join(",")}`;
  if (cached?.source === source) return cached.ring;
  const toKey = (text: string): DataKey => {
    const key = decodeDataKey(text);
    return { id: dataKeyId(key), key };
  };
  const current = env.DATA_ENCRYPTION_KEY ? toKey(env.DATA_ENCRYPTION_KEY) : null;
  const byId = new Map<string, DataKey>();
  for (const k of [...(current ? [current] : []), ...env.DATA_ENCRYPTION_KEYS_OLD.map(toKey)]) if (!byId.has(k.id)) byId.set(k.id, k);
  const ring = { current, byId };
  cached = { source, ring };
  return ring;
}

function currentKey(): DataKey {
  const key = keyring().current;
  if (!key) throw new Error("DATA_ENCRYPTION_KEY is not set; secrets cannot be stored");
  return key;
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** Seals `plain` under the current key, bound to `context`. */
export function sealSecret(plain: string, context: string): string {
  const { id, key } = currentKey();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${PREFIX}${id}:${[iv, body, cipher.getAuthTag()].map((b) => b.toString("base64url")).join(":")}`;
}

export type Opened = {
  value: string;
  /** False for a legacy clear value or one sealed under an old key: it should be sealed again. */
  current: boolean;
};

/** Opens a stored value (sealed, or legacy clear). Throws when no known key opens it or it was altered. */
export function openSecret(stored: string, context: string): Opened {
  if (!isSealed(stored)) return { value: stored, current: false };
  const [id, iv, body, tag] = stored.slice(PREFIX.length).split(":");
  const ring = keyring();
  const dataKey = id ? ring.byId.get(id) : undefined;
  if (!dataKey || iv === undefined || body === undefined || tag === undefined) {
    throw new Error(`Secret sealed under an unknown key (${id ?? "?"}); add it to DATA_ENCRYPTION_KEYS_OLD`);
  }
  // A fixed tag length: a truncated tag must not pass as a shorter valid one.
  const decipher = createDecipheriv("aes-256-gcm", dataKey.key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const value = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  return { value, current: dataKey.id === ring.current?.id };
}

/** True when `stored` is not sealed under the current key (legacy clear, or an old key). */
export function needsResealing(stored: string): boolean {
  if (!isSealed(stored)) return true;
  return stored.slice(PREFIX.length).split(":")[0] !== keyring().current?.id;
}
