// Tiny HTTP/JSON helpers shared by the provider fakes (Midtrans Core API, Midtrans Payouts/Iris,
// IAK prepaid). node:http only; every server listens on 127.0.0.1 with an ephemeral port.
// See docs/providers.md for what each fake imitates and where that behaviour is documented.
import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request a fake (or a receiver) got, as it arrived. `body` is the parsed JSON, or undefined. */
export type LoggedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: unknown;
  at: number;
};

/** An HTTP answer. An object body is sent as JSON, a string body as-is. */
export type Reply = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * A transport-level misbehaviour a test can script for one call. `processed` says whether the
 * provider still did the work (created the charge, queued the payout…) before misbehaving:
 * - hang: hold the answer `ms` then send the normal reply (or reset the connection if not processed),
 *   or never answer when `ms` is omitted (processed by default: "the request reached the provider,
 *   the answer got lost");
 * - http: answer this HTTP status with a non-JSON body, like a load balancer would (not processed by default);
 * - drop: reset the connection without answering (not processed by default).
 */
export type Fault =
  | { kind: "hang"; ms?: number; processed?: boolean }
  | { kind: "http"; status: number; body?: string; processed?: boolean }
  | { kind: "drop"; processed?: boolean };

export type Outcome = { reply: Reply; delayMs?: number } | { hold: true } | { drop: true; delayMs?: number };

export function isFault(answer: { kind: string } | undefined): answer is Fault {
  return answer?.kind === "hang" || answer?.kind === "http" || answer?.kind === "drop";
}

/** Runs an operation under an optional fault. `run` does the provider's work and returns its normal reply. */
export function withFault(fault: Fault | undefined, run: () => Reply): Outcome {
  if (!fault) return { reply: run() };
  const processed = fault.processed ?? fault.kind === "hang";
  const reply = processed ? run() : undefined;
  if (fault.kind === "http") {
    const body = fault.body ?? `<html><head><title>${fault.status}</title></head><body>upstream error</body></html>`;
    return { reply: { status: fault.status, body, headers: { "content-type": "text/html" } } };
  }
  if (fault.kind === "drop") return { drop: true };
  if (fault.ms === undefined) return { hold: true };
  return reply ? { reply, delayMs: fault.ms } : { drop: true, delayMs: fault.ms };
}

/** Per-operation queues of one-shot scripted answers. */
export class Script<Op extends string, A> {
  private readonly queues = new Map<Op, A[]>();
  push(op: Op, ...answers: A[]): void {
    this.queues.set(op, [...(this.queues.get(op) ?? []), ...answers]);
  }
  next(op: Op): A | undefined {
    return this.queues.get(op)?.shift();
  }
  clear(): void {
    this.queues.clear();
  }
}

export type FakeServer = { url: string; requests: LoggedRequest[]; close: () => Promise<void> };

function parseJson(raw: string): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, reply: Reply): void {
  const isText = typeof reply.body === "string";
  const payload = isText ? (reply.body as string) : JSON.stringify(reply.body);
  res.writeHead(reply.status, { "content-type": isText ? "text/plain; charset=utf-8" : "application/json", ...reply.headers });
  res.end(payload);
}

/** Starts a server on 127.0.0.1:0 that logs every request and answers with `handle`'s outcome. */
export async function startFakeServer(handle: (req: LoggedRequest) => Outcome | Promise<Outcome>): Promise<FakeServer> {
  const requests: LoggedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", "http://fake.local");
      const logged: LoggedRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        rawBody,
        body: parseJson(rawBody),
        at: Date.now(),
      };
      requests.push(logged);
      Promise.resolve()
        .then(() => handle(logged))
        .catch((error: unknown): Outcome => ({ reply: { status: 500, body: `fake crashed: ${String(error)}` } }))
        .then((outcome) => {
          if ("hold" in outcome) return;
          const answer = () => ("drop" in outcome ? req.socket.destroy() : res.destroyed ? undefined : send(res, outcome.reply));
          if (!outcome.delayMs) return void answer();
          const timer = setTimeout(() => {
            timers.delete(timer);
            answer();
          }, outcome.delayMs);
          timers.add(timer);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The `Authorization: Basic` credentials, or null when the header is missing or malformed. */
export function basicAuth(headers: IncomingHttpHeaders): { user: string; pass: string } | null {
  const match = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), pass: decoded.slice(colon + 1) };
}

export const sha512Hex = (s: string) => createHash("sha512").update(s, "utf8").digest("hex");
export const md5Hex = (s: string) => createHash("md5").update(s, "utf8").digest("hex");

/** Record helper for untyped JSON bodies. */
export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export const isNonEmptyString = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

/** What a notification (webhook/callback) sent by a fake got back from the receiver. */
export type Delivery = { to: string; rawBody: string; headers: Record<string, string>; status: number; responseBody: string };

/** POSTs a raw body to a receiver, like a provider's notification engine; network errors give status 0. */
export async function deliver(to: string, rawBody: string, headers: Record<string, string>, timeoutMs = 15_000): Promise<Delivery> {
  try {
    const res = await fetch(to, { method: "POST", body: rawBody, headers, signal: AbortSignal.timeout(timeoutMs) });
    return { to, rawBody, headers, status: res.status, responseBody: await res.text() };
  } catch (error) {
    return { to, rawBody, headers, status: 0, responseBody: String(error) };
  }
}

/** A throwaway webhook receiver for tests: records what arrives and answers `respond` (200 "OK" by default). */
export async function startReceiver(respond: (req: LoggedRequest) => Reply = () => ({ status: 200, body: "OK" })) {
  const server = await startFakeServer((req) => ({ reply: respond(req) }));
  return { url: `${server.url}/notify`, received: server.requests, close: server.close };
}
