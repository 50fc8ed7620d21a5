// One delivery attempt: POST the signed event, never follow redirects, give up after the
// timeout, and keep what happened (status, latency, first 2 KB of the answer) for the log.
import type { OutboxEvent, Tx, WebhookEndpoint } from "../db";
import { env, webhookEnv } from "../env";
import { eventBody } from "./outbox";
import { activeSecrets, redactSecrets, signedHeaders } from "./signing";
import { assertSafeCallbackUrl } from "./url-safety";

export type AttemptResult = {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  gone: boolean;
  /** The row for the delivery log; the caller writes it in the same transaction as the event's new state. */
  record: { eventId: string; attempt: number; url: string; statusCode: number | null; latencyMs: number; responseBody: string | null; error: string | null; manual: boolean };
};

const BODY_LIMIT = 2048;

async function readLimited(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < BODY_LIMIT) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).toString("utf8").slice(0, BODY_LIMIT);
}

export async function attemptDelivery(event: OutboxEvent, endpoint: WebhookEndpoint, options: { manual?: boolean; attempt: number }): Promise<AttemptResult> {
  const body = eventBody(event);
  const started = Date.now();
  let statusCode: number | null = null;
  let responseBody: string | null = null;
  let error: string | null = null;
  try {
    await assertSafeCallbackUrl(endpoint.url, env.SANDBOX);
    const response = await fetch(endpoint.url, {
      method: "POST",
      headers: signedHeaders({ eventId: event.id, body, secrets: activeSecrets(endpoint) }),
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(webhookEnv.WEBHOOK_TIMEOUT_MS),
    });
    statusCode = response.status;
    responseBody = await readLimited(response);
    if (statusCode >= 300 && statusCode < 400) error = `Redirect to ${response.headers.get("location") ?? "?"} not followed`;
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    error = err.name === "TimeoutError" ? `Timed out after ${webhookEnv.WEBHOOK_TIMEOUT_MS} ms` : (err.cause?.code ?? err.message);
  }
  const latencyMs = Date.now() - started;
  const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
  const record = {
    eventId: event.id,
    attempt: options.attempt,
    url: endpoint.url,
    statusCode,
    latencyMs,
    responseBody: responseBody === null ? null : redactSecrets(responseBody),
    error: error && redactSecrets(error),
    manual: options.manual ?? false,
  };
  return { ok, statusCode, latencyMs, error, gone: statusCode === 410, record };
}

export function saveAttempt(tx: Tx, result: AttemptResult) {
  return tx.deliveryAttempt.create({ data: result.record });
}
