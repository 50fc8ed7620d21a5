// Midtrans Payouts (formerly Iris) over HTTP (docs/providers.md § 2): HTTP Basic with an API key
// as the user and an empty password, JSON in and out, under {IRIS_API_URL}/api/v1. This file only
// talks; what an answer means is decided by ./payout-provider.ts. An answer that cannot be read
// (no connection, timeout, 5xx, a body that is not what Midtrans documents) is reported as such,
// never as a refusal: the outcome of that call is unknown.
import { fetchText } from "../../../lib/fetch-text";
import { isRecord } from "../../../lib/json-values";

export type IrisConfig = {
  /** Base URL ending in /iris (https://app.sandbox.midtrans.com/iris), without a trailing slash. */
  apiUrl: string;
  /** Creates payouts. */
  creatorKey: string;
  /** Approves (or rejects) payouts. */
  approverKey: string;
  /** Verifies notifications (Iris-Signature); never sent anywhere. */
  merchantKey: string;
  timeoutMs: number;
  /** Saldo method → Iris `beneficiary_bank`; null switches a method off. */
  bankCodes: Record<string, string | null>;
};

/** `answered`: Midtrans said something we can read. `unreadable`: the outcome of the call is unknown. */
export type IrisReply = { kind: "answered"; httpStatus: number; body: Record<string, unknown>; text: string } | { kind: "unreadable"; problem: string };


export const basicAuthorization = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

/** One call. Never throws. */
export async function callIris(
  config: IrisConfig,
  key: string,
  request: { method: "GET" | "POST"; path: string; body?: unknown; idempotencyKey?: string },
): Promise<IrisReply> {
  const fetched = await fetchText(
    `${config.apiUrl}/api/v1${request.path}`,
    {
      method: request.method,
      headers: {
        authorization: basicAuthorization(key),
        accept: "application/json",
        ...(request.body === undefined ? {} : { "content-type": "application/json" }),
        ...(request.idempotencyKey ? { "x-idempotency-key": request.idempotencyKey } : {}),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    },
    config.timeoutMs,
  );
  if (fetched.kind === "unreadable") return fetched;
  const res = { status: fetched.status };
  const text = fetched.text;
  if (res.status >= 500) return { kind: "unreadable", problem: `HTTP ${res.status}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // A wrong or locked key is the one documented non-JSON answer ("HTTP Basic: Access denied").
    if (res.status === 401) return { kind: "answered", httpStatus: 401, body: {}, text };
    return { kind: "unreadable", problem: `HTTP ${res.status} with a body that is not JSON` };
  }
  if (!isRecord(parsed)) return { kind: "unreadable", problem: `HTTP ${res.status} with an unexpected body` };
  return { kind: "answered", httpStatus: res.status, body: parsed, text };
}

/** Midtrans' error text: `error_message` and whatever `errors` holds (a list, an object of lists, or a string). */
export function irisErrorText(reply: Extract<IrisReply, { kind: "answered" }>): string {
  const message = typeof reply.body.error_message === "string" ? reply.body.error_message : "";
  const errors = reply.body.errors;
  const details = (Array.isArray(errors) ? errors : isRecord(errors) ? Object.values(errors).flat() : typeof errors === "string" ? [errors] : [])
    .filter((e): e is string => typeof e === "string" && e !== message);
  const text = [message, ...details].filter(Boolean).join("; ");
  return text || reply.text.trim().slice(0, 200) || `HTTP ${reply.httpStatus}`;
}
