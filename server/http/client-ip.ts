// The caller's address, for API-key IP allow-lists, rate limits, the login limit and the audit log.
//
// The chain is X-Forwarded-For's entries followed by the socket peer (stamped by
// server/http/peer-address.ts). Every proxy appends the address it received the request from, so
// only the right-most entries are written by machines we trust; everything further left was
// written by the caller. With TRUSTED_PROXY_HOPS = N the client is the Nth address from the right
// (0 = the socket peer itself; X-Forwarded-For is then ignored). A request that came around the
// proxies and has fewer entries than that gets the left-most one.
import ipaddr from "ipaddr.js";
import { edgeEnv } from "../env";
import { PEER_HEADER, stampedPeer } from "./peer-address";

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function read(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** One chain entry as a plain IP: ports and brackets dropped, IPv4-mapped IPv6 (::ffff:a.b.c.d) as IPv4; anything else → undefined. */
export function normaliseIp(entry: string | undefined): string | undefined {
  let value = entry?.trim();
  if (!value) return undefined;
  const bracketed = value.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (!ipaddr.isValid(value)) return undefined;
  return ipaddr.process(value).toString();
}

/** The addresses a request passed through, oldest first: X-Forwarded-For's entries, then the socket peer. */
export function forwardingChain(headers: HeaderBag): string[] | null {
  const forwarded = (read(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const peer = stampedPeer(read(headers, PEER_HEADER));
  // The hook runs but did not stamp this request: its peer is unknown, and no header is believed.
  if (peer === null) return null;
  // No hook in this process (unit tests, scripts): Next.js puts the socket peer in
  // X-Forwarded-For when the caller sent none, so its right-most entry stands in for the peer.
  if (peer === undefined) return forwarded;
  return [...forwarded, peer];
}

export function clientIp(headers: HeaderBag, trustedHops: number = edgeEnv.TRUSTED_PROXY_HOPS): string | undefined {
  const chain = forwardingChain(headers);
  if (!chain?.length) return undefined;
  return normaliseIp(chain[Math.max(0, chain.length - 1 - trustedHops)]);
}
