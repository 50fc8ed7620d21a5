// The TCP peer of a request, as the Node server saw it. A Next.js route handler gets a Web
// `Request` without its socket; the only trace of the peer is `x-forwarded-for`, which Next fills
// from the socket only when the caller did not send one (`??=` in next/dist/server/base-server.js),
// so a caller who writes that header hides its own address.
//
// instrumentation.ts installs this hook when the server starts: every request the process's HTTP
// server emits is stamped with the socket's address in a header of our own, prefixed by a random
// per-process token. Whatever a caller sends under that name is overwritten, and a request the
// hook did not stamp (one that arrived while the server was still starting) carries no valid
// token, so client-ip.ts treats its peer as unknown rather than believing a header.
import { randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import https from "node:https";

export const PEER_HEADER = "x-saldo-peer";

const STATE = Symbol.for("saldo.peerAddressHook");
type HookState = { token: string; restore: () => void };
type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

function hookState(): HookState | undefined {
  return (globalThis as { [STATE]?: HookState })[STATE];
}

function stamp(req: http.IncomingMessage, token: string) {
  const address = req.socket?.remoteAddress;
  if (address) req.headers[PEER_HEADER] = `${token} ${address}`;
  else delete req.headers[PEER_HEADER];
}

/** Stamps every request this process's HTTP(S) servers receive with its socket peer. Idempotent. */
export function installPeerAddressHook(): void {
  if (hookState()) return;
  const token = randomBytes(18).toString("base64url");
  const restores: (() => void)[] = [];
  for (const Server of [http.Server, https.Server]) {
    const prototype = Server.prototype as unknown as { emit: Emit };
    const hadOwn = Object.prototype.hasOwnProperty.call(prototype, "emit");
    const emit = prototype.emit;
    prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request" && args[0] instanceof http.IncomingMessage) stamp(args[0], token);
      return emit.call(this, event, ...args);
    };
    restores.push(() => {
      if (hadOwn) prototype.emit = emit;
      else delete (prototype as { emit?: Emit }).emit;
    });
  }
  (globalThis as { [STATE]?: HookState })[STATE] = { token, restore: () => restores.forEach((r) => r()) };
}

/** Removes the hook (tests). */
export function uninstallPeerAddressHook(): void {
  const state = hookState();
  if (!state) return;
  state.restore();
  delete (globalThis as { [STATE]?: HookState })[STATE];
}

/**
 * The stamped peer address in a request's headers: the address; `null` when the hook runs in this
 * process but did not stamp this request (or the header was forged); `undefined` when no hook is
 * installed (unit tests, scripts), so callers fall back to what Next put in X-Forwarded-For.
 */
export function stampedPeer(headerValue: string | undefined): string | null | undefined {
  const state = hookState();
  if (!state) return undefined;
  if (!headerValue) return null;
  const space = headerValue.indexOf(" ");
  const given = Buffer.from(space < 0 ? "" : headerValue.slice(0, space));
  const token = Buffer.from(state.token);
  if (given.length !== token.length || !timingSafeEqual(given, token)) return null;
  return headerValue.slice(space + 1).trim() || null;
}
