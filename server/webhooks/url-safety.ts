// Callback URLs: https, or http to localhost only in sandbox mode; never an address inside the
// network Saldo runs in (SSRF). Checked when saved and again before every delivery, since DNS
// answers can change.
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { env } from "../env";
import { AppError } from "../errors";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
}

export function checkCallbackUrlShape(raw: string, sandbox = env.SANDBOX): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError("VALIDATION", "URL callback tidak valid / Invalid callback URL");
  }
  if (url.username || url.password) throw new AppError("VALIDATION", "URL callback tidak boleh berisi kredensial / Callback URL must not contain credentials");
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && local && sandbox) return url;
  throw new AppError("VALIDATION", "URL callback harus https (http hanya ke localhost dalam mode sandbox) / Callback URL must be https (http only to localhost in sandbox mode)");
}

/** Refuses URLs whose host resolves to a private, loopback or link-local address (sandbox allows localhost). */
export async function assertSafeCallbackUrl(raw: string, sandbox = env.SANDBOX): Promise<URL> {
  const url = checkCallbackUrlShape(raw, sandbox);
  if (sandbox && LOCAL_HOSTS.has(url.hostname)) return url;
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
