// Callback URLs: https, or http to localhost only in sandbox mode outside production; never an
// address inside the network Saldo runs in (SSRF). Checked when saved, and — the check that
// counts — again at connect time by the delivery agent (./callback-agent.ts), which connects to
// exactly the address it checked, so a DNS answer that changes in between (rebinding) gains nothing.
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { env, type Env } from "../env";
import { AppError } from "../errors";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * Whether callbacks may go to localhost: a sandbox convenience, outside NODE_ENV=production. A
 * staging box that declared ALLOW_SANDBOX_IN_PRODUCTION does not call back into its own machine
 * unless it also declares ALLOW_LOCAL_CALLBACKS, as the demo and the e2e servers do (production
 * builds with their receivers on the same machine). Without the sandbox neither flag does anything.
 */
export function localCallbacksAllowed(e: Pick<Env, "SANDBOX" | "NODE_ENV" | "ALLOW_LOCAL_CALLBACKS"> = env): boolean {
  return e.SANDBOX && (e.NODE_ENV !== "production" || e.ALLOW_LOCAL_CALLBACKS);
}

export function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname.toLowerCase());
}

function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = address.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(bare)) return null;
  let parsed = ipaddr.parse(bare);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed;
}

export function isPublicAddress(address: string): boolean {
  return parseAddress(address)?.range() === "unicast";
}

/**
 * May a callback connect to `address`, reached by the URL host `hostname`? Public unicast
 * addresses always; loopback only for a localhost URL while local callbacks are allowed.
 */
export function isAllowedCallbackAddress(address: string, hostname: string, allowLocal = localCallbacksAllowed()): boolean {
  if (isPublicAddress(address)) return true;
  return allowLocal && isLocalHost(hostname) && parseAddress(address)?.range() === "loopback";
}

export function checkCallbackUrlShape(raw: string, sandbox = localCallbacksAllowed()): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError("VALIDATION", "URL callback tidak valid / Invalid callback URL");
  }
  if (url.username || url.password) throw new AppError("VALIDATION", "URL callback tidak boleh berisi kredensial / Callback URL must not contain credentials");
  const local = isLocalHost(url.hostname);
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && local && sandbox) return url;
  throw new AppError("VALIDATION", "URL callback harus https (http hanya ke localhost dalam mode sandbox) / Callback URL must be https (http only to localhost in sandbox mode)");
}

/**
 * Refuses URLs whose host resolves to a private, loopback or link-local address (sandbox allows
 * localhost). For saving an endpoint, where a clear answer helps; deliveries rely on the agent.
 */
export async function assertSafeCallbackUrl(raw: string, sandbox = localCallbacksAllowed()): Promise<URL> {
  const url = checkCallbackUrlShape(raw, sandbox);
  if (sandbox && isLocalHost(url.hostname)) return url;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new AppError("VALIDATION", `Host ${host} tidak dapat di-resolve / Host ${host} does not resolve`);
  }
  const blocked = addresses.find((a) => !isPublicAddress(a));
  if (blocked) throw new AppError("VALIDATION", `URL callback mengarah ke alamat internal (${blocked}) / Callback URL points to an internal address`);
  return url;
}
