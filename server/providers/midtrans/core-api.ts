// The Midtrans Core API over HTTP: Basic auth with the server key as user and an empty password,
// JSON both ways, a timeout on every call. Plain `fetch` rather than the official midtrans-client:
// that client takes its base URL only from static, process-wide class fields (shared with its Snap
// and Iris clients) and has no timeout option (axios waits forever), so it cannot be pointed at a
// fake per instance nor bounded; see README "Midtrans (deposits)".
// What is documented and what was chosen: docs/providers.md § Midtrans Core API.
import { createHash, timingSafeEqual } from "node:crypto";
import { midtransEnv } from "../../env";
import { fetchText } from "../../../lib/fetch-text";
import { isRecord } from "../../../lib/json-values";

/** A JSON answer from Midtrans. `statusCode` is the body's `status_code` (authoritative), else the HTTP status. */
export type MidtransAnswer = { kind: "answer"; httpStatus: number; statusCode: string; body: Record<string, unknown> };
/** No usable answer: timeout, dropped connection, or a body that is not Midtrans JSON (a proxy's 502 page). */
export type MidtransLost = { kind: "lost"; reason: string };

export type MidtransConfig = { serverKey: string; apiUrl: string; timeoutMs: number };

export function midtransConfig(): MidtransConfig {
  return { serverKey: midtransEnv.MIDTRANS_SERVER_KEY, apiUrl: midtransEnv.MIDTRANS_API_URL, timeoutMs: midtransEnv.MIDTRANS_TIMEOUT_MS };
}

/** One Core API call. Never throws: a lost call is a value, so every caller decides what to ask next. */
export async function midtransRequest(
  config: MidtransConfig,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): Promise<MidtransAnswer | MidtransLost> {
  if (!config.serverKey) return { kind: "lost", reason: "MIDTRANS_SERVER_KEY is not set" };
  const fetched = await fetchText(
    `${config.apiUrl}${path}`,
    {
      method,
      headers: {
        accept: "application/json",
        "content-type": "application/json",
        authorization: `Basic ${Buffer.from(`${config.serverKey}:`).toString("base64")}`,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: "error",
    },
    config.timeoutMs,
  );
  if (fetched.kind === "unreadable") return { kind: "lost", reason: fetched.problem };
  const response = { status: fetched.status };
  const text = fetched.text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: "lost", reason: `HTTP ${response.status} without a JSON body` };
  }
  if (!isRecord(json)) return { kind: "lost", reason: `HTTP ${response.status} with an unexpected body` };
  // The body's status_code is authoritative: older Core API answers errors with HTTP 200.
  const statusCode = typeof json.status_code === "string" && /^\d{3}$/.test(json.status_code) ? json.status_code : String(response.status);
  return { kind: "answer", httpStatus: response.status, statusCode, body: json };
}

export const sha512Hex = (text: string) => createHash("sha512").update(text, "utf8").digest("hex");

/** signature_key = SHA512(order_id + status_code + gross_amount + ServerKey), compared in constant time. */
export function verifyMidtransSignature(
  fields: { orderId: string; statusCode: string; grossAmount: string; signatureKey: string },
  serverKey: string,
): boolean {
  if (!serverKey || !/^[0-9a-f]{128}$/i.test(fields.signatureKey)) return false;
  const expected = Buffer.from(sha512Hex(`${fields.orderId}${fields.statusCode}${fields.grossAmount}${serverKey}`), "hex");
  const given = Buffer.from(fields.signatureKey, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const WIB_OFFSET_MS = 7 * 3600_000;

/** Midtrans' times are "YYYY-MM-DD HH:mm:ss" in GMT+7 (WIB). Null when the text is not one. */
export function parseMidtransTime(text: unknown): Date | null {
  if (typeof text !== "string") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s) - WIB_OFFSET_MS);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2016-12-07 11:54:12 +0700", the form custom_expiry.order_time takes. Seconds are floored. */
export function formatMidtransTime(date: Date): string {
  return `${new Date(date.getTime() + WIB_OFFSET_MS).toISOString().replace("T", " ").slice(0, 19)} +0700`;
}

