// Issue 13.8: merchant callbacks connect only to the address that was checked (DNS rebinding),
// and http://localhost only in sandbox mode outside production.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import type { OutboxEvent, WebhookEndpoint } from "../db";
import { readEnv } from "../env";
import { createCallbackAgent, type ResolvedAddress } from "./callback-agent";
import { attemptDelivery } from "./deliver";
import { checkCallbackUrlShape, isAllowedCallbackAddress, localCallbacksAllowed } from "./url-safety";

type Listener = { server: Server; port: number; connections: number; requests: number; close: () => Promise<void> };
const listeners: Listener[] = [];
afterEach(async () => {
  while (listeners.length) await listeners.pop()!.close();
});

/** A plain HTTP server on `host` that counts TCP connections and requests. */
async function listen(host: string, port = 0): Promise<Listener> {
  const server = createServer((req, res) => {
    listener.requests++;
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "text/plain" }).end(host));
  });
  const listener: Listener = {
    server,
    port: 0,
    connections: 0,
    requests: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on("connection", () => listener.connections++);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  listener.port = (server.address() as AddressInfo).port;
  listeners.push(listener);
  return listener;
}

/** A "public" server on 127.0.0.2 and a loopback one on 127.0.0.1, on the same port. */
async function publicAndLoopback() {
  for (let tries = 0; ; tries++) {
    const outside = await listen("127.0.0.2");
    try {
      const inside = await listen("127.0.0.1", outside.port);
      return { outside, inside };
    } catch (error) {
      if (tries > 20) throw error;
    }
  }
}

/** Stands in for the public internet in these tests: 127.0.0.2 counts as public, everything else is judged by the real rule. */
const policyWithTestPublicAddress = (address: string, hostname: string) => address === "127.0.0.2" || isAllowedCallbackAddress(address, hostname, false);

/** A resolver that answers `answers[i]` to its i-th call (the last one from then on). */
function rebindingResolver(answers: ResolvedAddress[][]) {
  const calls: string[] = [];
  return {
    calls,
    resolve: async (hostname: string) => {
      calls.push(hostname);
      return answers[Math.min(calls.length - 1, answers.length - 1)]!;
    },
  };
}

const event = { id: "evt_ssrf", type: "invoice.paid", createdAt: new Date(), data: "{}", attempts: 0 } as OutboxEvent;
const endpointAt = (url: string) => ({ url, secret: "whsec_dGVzdHRlc3R0ZXN0dGVzdHRlc3R0ZXN0dGVzdHRlc3Q=", previousSecret: null, previousSecretExpiresAt: null }) as WebhookEndpoint;

describe("callback delivery agent (13.8)", () => {
  it("13.8 a host that rebinds from a public address to 127.0.0.1 never gets a connection to 127.0.0.1; keep-alive reuse stays on the checked address", async () => {
    const { outside, inside } = await publicAndLoopback();
    // A rebinding DNS server: the public address until the switch, 127.0.0.1 after it.
    const calls: string[] = [];
    let rebound = false;
    const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
      calls.push(hostname);
      return [{ address: rebound ? "127.0.0.1" : "127.0.0.2", family: 4 }];
    };
    const agent = createCallbackAgent({ resolve, isAllowedAddress: policyWithTestPublicAddress });
    const url = `http://rebind.example.test:${outside.port}/hooks`;
    const post = () => request(url, { method: "POST", body: "{}", dispatcher: agent });
    const settle = () => new Promise((r) => setTimeout(r, 100)); // the finished request hands its socket back to the pool
    try {
      const first = await post();
      expect(first.statusCode).toBe(200);
      expect(await first.body.text()).toBe("127.0.0.2");
      expect(calls).toHaveLength(1);
      await settle();

      rebound = true;
      // The kept-alive connection is reused: it goes to the address checked when it was opened.
      const reused = await post();
      expect(await reused.body.text()).toBe("127.0.0.2");
      expect(calls).toHaveLength(1);
      expect(outside.connections).toBe(1);
      expect(outside.requests).toBe(2);

      // Once it drops, the next connect resolves again, gets 127.0.0.1 and is refused before any packet.
      outside.server.closeAllConnections();
      await settle();
      await expect(post()).rejects.toMatchObject({ code: "ERR_CALLBACK_ADDRESS_REFUSED" });
      expect(calls).toHaveLength(2);
      expect(inside.connections).toBe(0);
      expect(inside.requests).toBe(0);
    } finally {
      await agent.close();
    }
  });

  it("13.8 a delivery is refused at connect time when any answer is internal, or the URL is an internal IP literal; nothing connects and the log says why", async () => {
    const { inside } = await publicAndLoopback();
    const answers: ResolvedAddress[][] = [
      [{ address: "127.0.0.1", family: 4 }],
      [
        { address: "93.184.216.34", family: 4 },
        { address: "127.0.0.1", family: 4 },
      ],
      [{ address: "::ffff:127.0.0.1", family: 6 }],
      [{ address: "10.0.0.5", family: 4 }],
    ];
    for (const answer of answers) {
      const dns = rebindingResolver([answer]);
      const agent = createCallbackAgent({ resolve: dns.resolve, allowLocal: false });
      try {
        const result = await attemptDelivery(event, endpointAt(`https://hooks.example.test:${inside.port}/x`), { attempt: 1, dispatcher: agent });
        expect(result.ok, JSON.stringify(answer)).toBe(false);
        expect(result.statusCode).toBeNull();
        expect(result.error).toMatch(/internal address/);
        expect(dns.calls).toEqual(["hooks.example.test"]);
      } finally {
        await agent.close();
      }
    }
    // An IP literal never asks DNS, so the agent checks it before opening the socket.
    const dns = rebindingResolver([[{ address: "93.184.216.34", family: 4 }]]);
    const agent = createCallbackAgent({ resolve: dns.resolve, allowLocal: false });
    try {
      for (const url of [`https://127.0.0.1:${inside.port}/x`, "https://169.254.169.254/latest/meta-data", "https://[::1]/x"]) {
        const result = await attemptDelivery(event, endpointAt(url), { attempt: 1, dispatcher: agent });
        expect(result.error, url).toMatch(/internal address/);
      }
      expect(dns.calls).toEqual([]);
    } finally {
      await agent.close();
    }
    expect(inside.connections).toBe(0);
  });

  it("13.8 http://localhost callbacks only in sandbox mode outside production, and only to loopback", async () => {
    expect(readEnv({ NODE_ENV: "production", SANDBOX: "1" }).SANDBOX).toBe(false); // a real production start has no sandbox
    const production = readEnv({ NODE_ENV: "production", SANDBOX: "1", ALLOW_SANDBOX_IN_PRODUCTION: "1" });
    expect(production.SANDBOX).toBe(true); // a staging box may run the sandbox…
    expect(localCallbacksAllowed(production)).toBe(false); // …but does not call back into its own machine…
    // …unless it declares that too (the demo and the e2e servers: production builds with their receivers on one machine).
    expect(localCallbacksAllowed(readEnv({ NODE_ENV: "production", SANDBOX: "1", ALLOW_SANDBOX_IN_PRODUCTION: "1", ALLOW_LOCAL_CALLBACKS: "1" }))).toBe(true);
    expect(localCallbacksAllowed(readEnv({ NODE_ENV: "production", SANDBOX: "1", ALLOW_LOCAL_CALLBACKS: "1" }))).toBe(false); // no sandbox, no effect
    expect(localCallbacksAllowed(readEnv({ NODE_ENV: "development", SANDBOX: "1" }))).toBe(true);
    expect(localCallbacksAllowed(readEnv({ NODE_ENV: "development" }))).toBe(false);
    expect(() => checkCallbackUrlShape("http://localhost:3000/hooks", localCallbacksAllowed(production))).toThrow(/https/);

    const { inside } = await publicAndLoopback();
    // Sandbox: localhost reaches loopback…
    const sandbox = createCallbackAgent({ allowLocal: true });
    // …without it, even a localhost URL is refused at connect time.
    const locked = createCallbackAgent({ allowLocal: false });
    // And in sandbox a name that is not localhost still may not resolve to loopback.
    const rebound = createCallbackAgent({ allowLocal: true, resolve: async () => [{ address: "127.0.0.1", family: 4 }] });
    try {
      expect((await request(`http://localhost:${inside.port}/hooks`, { method: "POST", body: "{}", dispatcher: sandbox })).statusCode).toBe(200);
      await expect(request(`http://localhost:${inside.port}/hooks`, { method: "POST", body: "{}", dispatcher: locked })).rejects.toMatchObject({ code: "ERR_CALLBACK_ADDRESS_REFUSED" });
      await expect(request(`http://127.0.0.1:${inside.port}/hooks`, { method: "POST", body: "{}", dispatcher: locked })).rejects.toMatchObject({ code: "ERR_CALLBACK_ADDRESS_REFUSED" });
      await expect(request(`http://sneaky.example.test:${inside.port}/hooks`, { method: "POST", body: "{}", dispatcher: rebound })).rejects.toMatchObject({ code: "ERR_CALLBACK_ADDRESS_REFUSED" });
    } finally {
      await Promise.all([sandbox.close(), locked.close(), rebound.close()]);
    }
    expect(inside.connections).toBe(1);
  });
});
