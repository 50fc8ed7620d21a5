// Issue 13.1: the client address cannot be written by the caller. Requests go over a real socket
// to a Node server with the peer-address hook installed, as `next start` runs it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as balance from "@/app/api/v1/balance/route";
import { clientIp, normaliseIp } from "@/server/http/client-ip";
import { installPeerAddressHook, PEER_HEADER, uninstallPeerAddressHook } from "@/server/http/peer-address";
import { createKey, createMerchant, fund } from "./helpers/fixtures";
import { serveHandler } from "./helpers/node-http";

let server: Awaited<ReturnType<typeof serveHandler>>;

beforeAll(async () => {
  installPeerAddressHook();
  // Echoes what clientIp makes of the request, with ?hops=N trusted proxies.
  server = await serveHandler(async (req) => {
    const url = new URL(req.url);
    if (url.pathname === "/ip") return Response.json({ ip: clientIp(req.headers, Number(url.searchParams.get("hops") ?? 0)) ?? null });
    return balance.GET(req, { params: Promise.resolve({}) });
  });
});

afterAll(async () => {
  await server.close();
  uninstallPeerAddressHook();
});

async function ipSeen(headers: Record<string, string>, hops = 0): Promise<string | null> {
  const res = await fetch(`${server.url}/ip?hops=${hops}`, { headers });
  return ((await res.json()) as { ip: string | null }).ip;
}

describe("13.1 client IP", () => {
  it("13.1 ignores a caller-written X-Forwarded-For / X-Real-IP when no proxy is trusted: the socket peer is the client", async () => {
    expect(await ipSeen({})).toBe("127.0.0.1");
    expect(await ipSeen({ "x-forwarded-for": "203.0.113.7" })).toBe("127.0.0.1");
    expect(await ipSeen({ "x-forwarded-for": "203.0.113.7, 198.51.100.2", "x-real-ip": "203.0.113.9" })).toBe("127.0.0.1");
  });

  it("13.1 a caller cannot forge the stamped peer header either", async () => {
    expect(await ipSeen({ [PEER_HEADER]: "0000 203.0.113.7", "x-forwarded-for": "203.0.113.7" })).toBe("127.0.0.1");
    // Outside the server (a request the hook did not stamp), a forged stamp is not believed at all.
    expect(clientIp(new Headers({ [PEER_HEADER]: "guess 203.0.113.7", "x-forwarded-for": "203.0.113.7" }))).toBeUndefined();
  });

  it("13.1 with N trusted hops, the client is the Nth address from the right (caller-written entries further left are ignored)", async () => {
    // One proxy (the socket peer 127.0.0.1) that appended the address it saw: 198.51.100.2.
    expect(await ipSeen({ "x-forwarded-for": "203.0.113.7, 198.51.100.2" }, 1)).toBe("198.51.100.2");
    // Two proxies: 127.0.0.1 → 192.0.2.10 → client 198.51.100.2; 203.0.113.7 was written by the caller.
    expect(await ipSeen({ "x-forwarded-for": "203.0.113.7, 198.51.100.2, 192.0.2.10" }, 2)).toBe("198.51.100.2");
    // A request that went around the proxies has fewer entries: the left-most one is taken.
    expect(await ipSeen({}, 1)).toBe("127.0.0.1");
  });

  it("13.1 an API key's IP allow-list is not passed by a spoofed X-Forwarded-For", async () => {
    const m = await createMerchant();
    await fund(m.merchantId, 1000);
    const outside = await createKey(m.merchantId, { ipAllowlist: "203.0.113.7" });
    const spoofed = await fetch(`${server.url}/api/v1/balance`, { headers: { authorization: `Bearer ${outside}`, "x-forwarded-for": "203.0.113.7" } });
    expect(spoofed.status).toBe(403);
    expect(await spoofed.json()).toMatchObject({ success: false, code: "FORBIDDEN" });

    const local = await createKey(m.merchantId, { ipAllowlist: "127.0.0.1" });
    const allowed = await fetch(`${server.url}/api/v1/balance`, { headers: { authorization: `Bearer ${local}`, "x-forwarded-for": "203.0.113.7" } });
    expect(allowed.status).toBe(200);
  });

  it("13.1 addresses are normalised: IPv4-mapped IPv6, ports, brackets; garbage is no address", () => {
    expect(normaliseIp("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(normaliseIp("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normaliseIp("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normaliseIp("unknown")).toBeUndefined();
    expect(normaliseIp("")).toBeUndefined();
  });
});
