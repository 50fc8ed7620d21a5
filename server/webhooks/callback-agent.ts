// The HTTP agent every callback to a merchant goes through (SSRF by DNS rebinding, issue 13.8).
// Checking a URL's address and then letting the HTTP client resolve the name again leaves a gap:
// a rebinding DNS server answers a public address to the check and 127.0.0.1 to the connect.
// Here the check happens inside the connect: the agent resolves the name once, refuses the whole
// answer if any address is private, loopback, link-local, … (isAllowedCallbackAddress), and the
// socket connects to exactly the addresses it checked. An IP literal is checked the same way
// before its socket opens. A kept-alive connection is reused only for the same origin, and it
// was opened to a checked address, so reuse cannot bypass the check.
// One agent per process (callbackAgent()), so deliveries reuse their connections.
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import { Agent, buildConnector } from "undici";
import { isAllowedCallbackAddress, localCallbacksAllowed } from "./url-safety";

export type ResolvedAddress = { address: string; family: number };
/** Resolves a host name to every address it has (injectable, so tests can play a rebinding DNS server). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** Thrown into the connect when the callback host is, or resolves to, an address Saldo must not reach. */
export class CallbackAddressRefused extends Error {
  readonly code = "ERR_CALLBACK_ADDRESS_REFUSED";
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(`URL callback mengarah ke alamat internal (${address}) / Callback URL points to an internal address (${hostname} → ${address})`);
    this.name = "CallbackAddressRefused";
  }
}

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export type CallbackAgentOptions = {
  resolve?: Resolver;
  /** Whether a localhost URL may reach loopback (sandbox outside production). */
  allowLocal?: boolean;
  /** The address policy; defaults to isAllowedCallbackAddress. */
  isAllowedAddress?: (address: string, hostname: string) => boolean;
  /** TCP + TLS connect timeout. */
  connectTimeoutMs?: number;
  /** How long an idle kept-alive connection is kept for the next delivery. */
  keepAliveTimeoutMs?: number;
};

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, "");

export function createCallbackAgent(options: CallbackAgentOptions = {}): Agent {
  const resolve = options.resolve ?? systemResolver;
  const allowLocal = options.allowLocal ?? localCallbacksAllowed();
  const allowed = options.isAllowedAddress ?? ((address: string, hostname: string) => isAllowedCallbackAddress(address, hostname, allowLocal));

  // What net.connect / tls.connect call instead of dns.lookup: the answer they connect to is the answer checked here.
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolve(hostname)
      .then((answers) => {
        if (!answers.length) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname });
        const refused = answers.find((a) => !allowed(a.address, hostname));
        if (refused) throw new CallbackAddressRefused(hostname, refused.address);
        const family = lookupOptions.family === 4 || lookupOptions.family === "IPv4" ? 4 : lookupOptions.family === 6 || lookupOptions.family === "IPv6" ? 6 : 0;
        const usable = family ? answers.filter((a) => a.family === family) : answers;
        if (!usable.length) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname });
        if (lookupOptions.all) callback(null, usable.map((a) => ({ address: a.address, family: a.family })));
        else callback(null, usable[0]!.address, usable[0]!.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, "", 0));
  };

  const connectThroughCheckedLookup = buildConnector({ lookup, timeout: options.connectTimeoutMs ?? 10_000 });
  return new Agent({
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000,
    connect: (connectOptions, callback) => {
      // net.connect skips `lookup` for an IP literal: check it here, before any packet is sent.
      const host = bare(connectOptions.hostname);
      if (isIP(host) && !allowed(host, connectOptions.hostname)) {
        queueMicrotask(() => callback(new CallbackAddressRefused(connectOptions.hostname, host), null));
        return;
      }
      connectThroughCheckedLookup(connectOptions, callback);
    },
  });
}

const globalForAgent = globalThis as unknown as { saldoCallbackAgent?: Agent };

/** The process's one callback agent: kept-alive connections are reused across deliveries. */
export function callbackAgent(): Agent {
  return (globalForAgent.saldoCallbackAgent ??= createCallbackAgent());
}
