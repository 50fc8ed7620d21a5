// One delivery attempt: POST the signed event, never follow redirects, give up after the
// timeout, and keep what happened (status, latency, first 2 KB of the answer) for the log.
// Every request goes through the callback agent, which checks the address it connects to (SSRF).
import type { Readable } from "node:stream";
import { type Dispatcher, request } from "undici";
import type { OutboxEvent, Tx, WebhookEndpoint } from "../db";
import { webhookEnv } from "../env";
import { AppError } from "../errors";
import { callbackAgent } from "./callback-agent";
import { eventBody } from "./outbox";
import { activeSecrets, redactSecrets, signedHeaders } from "./signing";
import { checkCallbackUrlShape } from "./url-safety";

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

async function readLimited(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    chunks.push(buffer);
    size += buffer.length;
    if (size >= BODY_LIMIT) break; // leaving the loop destroys the body: the rest is never read
  }
  return Buffer.concat(chunks).toString("utf8").slice(0, BODY_LIMIT);
}

/** What the log says about a failed request: a timeout, a refused address, or the socket's error code. */
function describeFailure(e: unknown): string {
  if (e instanceof AppError) return e.message;
  const err = e as Error & { code?: string; cause?: Error & { code?: string } };
  if (err?.name === "TimeoutError") return `Timed out after ${webhookEnv.WEBHOOK_TIMEOUT_MS} ms`;
  if (err?.code === "ERR_CALLBACK_ADDRESS_REFUSED") return err.message;
  if (err?.cause?.code === "ERR_CALLBACK_ADDRESS_REFUSED") return err.cause.message;
  return err?.code ?? err?.cause?.code ?? err?.message ?? String(e);
}

export async function attemptDelivery(
  event: OutboxEvent,
  endpoint: WebhookEndpoint,
  options: { manual?: boolean; attempt: number; dispatcher?: Dispatcher },
): Promise<AttemptResult> {
  const body = eventBody(event);
  const started = Date.now();
  let statusCode: number | null = null;
  let responseBody: string | null = null;
  let error: string | null = null;
  try {
    // The address itself is checked by the agent at connect time, against the answer it connects to.
    checkCallbackUrlShape(endpoint.url);
    const response = await request(endpoint.url, {
      method: "POST",
      headers: signedHeaders({ eventId: event.id, body, secrets: activeSecrets(endpoint) }),
      body,
      maxRedirections: 0,
      dispatcher: options.dispatcher ?? callbackAgent(),
      // One deadline for connect, answer and body.
      signal: AbortSignal.timeout(webhookEnv.WEBHOOK_TIMEOUT_MS),
    });
    statusCode = response.statusCode;
    responseBody = await readLimited(response.body);
    const location = response.headers.location;
    if (statusCode >= 300 && statusCode < 400) error = `Redirect to ${(Array.isArray(location) ? location[0] : location) ?? "?"} not followed`;
  } catch (e) {
    error = describeFailure(e);
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
