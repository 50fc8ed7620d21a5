// IAK's prepaid API v2 over HTTP (docs/providers.md § 3): every call is a JSON POST signed with
// md5(username + api_key + <salt>), answered `{ data: { …, message, rc } }`. This file only
// talks; what an answer means is decided by ./prepaid-supplier.ts. An answer that cannot be read
// (no connection, timeout, 5xx, a body without `data.rc`) is reported as such, never as a refusal.
import { createHash, timingSafeEqual } from "node:crypto";
import { fetchText } from "../../../lib/fetch-text";
import { isRecord } from "../../../lib/json-values";

export type IakConfig = {
  username: string;
  apiKey: string;
  /** Base URL without a trailing slash: https://prepaid.iak.dev or https://prepaid.iak.id. */
  apiUrl: string;
  timeoutMs: number;
};

export type IakData = Record<string, unknown>;

/** `answered`: IAK said something with an rc. `unreadable`: the outcome of the call is unknown. */
export type IakReply = { kind: "answered"; httpStatus: number; rc: string; data: IakData } | { kind: "unreadable"; problem: string };

export const md5Hex = (text: string) => createHash("md5").update(text, "utf8").digest("hex");

/** md5(username + api_key + salt): ref_id for top-up/check-status/callbacks, "pl", "bl", customer_id. */
export function iakSign(config: Pick<IakConfig, "username" | "apiKey">, salt: string): string {
  return md5Hex(`${config.username}${config.apiKey}${salt}`);
}

/** Constant-time check of a sign IAK sent (callbacks): lowercase hex md5 of username + api_key + salt. */
export function iakSignMatches(config: Pick<IakConfig, "username" | "apiKey">, salt: string, given: unknown): boolean {
  if (!config.username || !config.apiKey || typeof given !== "string" || !/^[0-9a-f]{32}$/i.test(given.trim())) return false;
  const expected = Buffer.from(iakSign(config, salt), "hex");
  const actual = Buffer.from(given.trim().toLowerCase(), "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}


/** IAK writes rc as a string ("00", "39"); a number is read as the code it stands for (0 → "00", 6 → "06"). */
export function readRc(value: unknown): string | null {
  if (typeof value === "string" && /^\d{1,4}$/.test(value.trim())) return value.trim();
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return String(value).padStart(2, "0");
  return null;
}

export const text = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");

export function configured(config: IakConfig): boolean {
  return config.username !== "" && config.apiKey !== "";
}

/** POSTs `body` to `path` and reads IAK's envelope. Never throws. */
export async function callIak(config: IakConfig, path: string, body: Record<string, string>): Promise<IakReply> {
  if (!configured(config)) return { kind: "unreadable", problem: "IAK_USERNAME / IAK_API_KEY are not set" };
  const fetched = await fetchText(
    `${config.apiUrl.replace(/\/+$/, "")}${path}`,
    { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) },
    config.timeoutMs,
  );
  if (fetched.kind === "unreadable") return fetched;
  const res = { status: fetched.status };
  const raw = fetched.text;
  if (res.status >= 500) return { kind: "unreadable", problem: `HTTP ${res.status}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { kind: "unreadable", problem: `HTTP ${res.status} with a body that is not JSON` };
  }
  // The documented envelope is { data: { …, rc } }; the price list's `data` may also be the bare array.
  const data = isRecord(parsed) ? parsed.data : undefined;
  if (Array.isArray(data)) return { kind: "answered", httpStatus: res.status, rc: "00", data: { pricelist: data } };
  const rc = isRecord(data) ? readRc(data.rc) : null;
  if (!isRecord(data) || rc === null) return { kind: "unreadable", problem: `HTTP ${res.status} without data.rc` };
  return { kind: "answered", httpStatus: res.status, rc, data };
}
