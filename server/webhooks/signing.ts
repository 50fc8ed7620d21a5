// Outbound signatures. Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`:
// "v1,<base64 HMAC-SHA256 of id.timestamp.body>") via the reference `standardwebhooks` library,
// one signature per active secret during a rotation; plus seed 001's `X-Signature`: hex
// HMAC-SHA512 of the raw body, keyed with the current secret string exactly as shown (whsec_…).
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { hmacSha512Hex } from "../crypto/hmac";

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export function activeSecrets(endpoint: { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null }, now = new Date()): string[] {
  const secrets = [endpoint.secret];
  if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) secrets.push(endpoint.previousSecret);
  return secrets;
}

export function signedHeaders(input: { eventId: string; body: string; secrets: string[]; now?: Date }): Record<string, string> {
  const now = input.now ?? new Date();
  const signatures = input.secrets.map((secret) => new Webhook(secret).sign(input.eventId, now, input.body));
  return {
    "content-type": "application/json",
    "user-agent": "Saldo-Webhooks/1.0",
    "webhook-id": input.eventId,
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
    "x-signature": hmacSha512Hex(input.secrets[0]!, input.body),
  };
}

/** Hides secrets and signatures in anything written to logs. */
export function redactSecrets(text: string): string {
  return text.replace(/whsec_[A-Za-z0-9+/=]+/g, "whsec_[redacted]").replace(/v1,[A-Za-z0-9+/=]{20,}/g, "v1,[redacted]").replace(/sk_(test|live)_[\w-]+/g, "sk_$1_[redacted]");
}
