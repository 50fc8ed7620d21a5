// Cache invalidation across app processes. A use case that changes something a process may have
// cached (an API key revoked, a merchant suspended) calls `announceInvalidation(tx, …)` inside its
// transaction and `invalidateLocally(…)` after it commits.
//
// - This process: `invalidateLocally` drops the entries at once, and bumps a generation counter so
//   a lookup that read the database before the change cannot put its stale answer back.
// - Other processes, PostgreSQL: the announcement is `pg_notify('saldo_cache', …)` inside the
//   transaction, so it is delivered when (and only if) the change commits. Each process keeps one
//   dedicated `pg` client LISTENing on that channel (reconnecting with backoff); until it is
//   listening, `sharedInvalidationReady()` is false and callers must not trust their cache.
//   A reconnect clears every cache (what was announced while away is unknown).
// - Other processes, SQLite: there is no channel; a cached entry lives for its TTL at most
//   (server/http/api-key-cache.ts: 30 s), so a revocation takes effect in every process within it.
import { Client } from "pg";
import { engine, type Tx } from "../db";
import { env } from "../env";

export const INVALIDATION_CHANNEL = "saldo_cache";

/** What changed: an API key (by id), or a merchant (its status, its keys). */
export type Invalidation = { kind: "apiKey"; id: string } | { kind: "merchant"; id: string };
type Listener = (message: Invalidation | "all") => void;

type State = {
  listeners: Set<Listener>;
  generation: number;
  client?: Client;
  listening: boolean;
  starting: boolean;
  attempts: number;
  stopped: boolean;
  /** One warning per outage, not one per reconnect attempt. */
  warned: boolean;
};

const KEY = Symbol.for("saldo.cacheInvalidation");
function state(): State {
  const holder = globalThis as { [KEY]?: State };
  holder[KEY] ??= { listeners: new Set(), generation: 0, listening: false, starting: false, attempts: 0, stopped: false, warned: false };
  return holder[KEY];
}

/** Changes every time anything is invalidated: a lookup started under an older generation must not be cached. */
export function invalidationGeneration(): number {
  return state().generation;
}

export function onInvalidation(listener: Listener): () => void {
  state().listeners.add(listener);
  return () => state().listeners.delete(listener);
}

function deliver(message: Invalidation | "all") {
  const s = state();
  s.generation++;
  for (const listener of s.listeners) listener(message);
}

/** Drops this process's cached copies now (call after the change committed; call it before, too, if you like). */
export function invalidateLocally(message: Invalidation): void {
  deliver(message);
}

/** Inside the changing transaction: tells every other process (PostgreSQL) once it commits. A no-op on SQLite. */
export async function announceInvalidation(tx: Tx, message: Invalidation): Promise<void> {
  if (engine !== "postgres") return;
  await tx.$executeRaw`SELECT pg_notify(${INVALIDATION_CHANNEL}, ${JSON.stringify(message)})`;
}

function parse(payload: string | undefined): Invalidation | "all" {
  try {
    const value = JSON.parse(payload ?? "") as { kind?: unknown; id?: unknown };
    if ((value.kind === "apiKey" || value.kind === "merchant") && typeof value.id === "string") return { kind: value.kind, id: value.id };
  } catch {
    // fall through: something we cannot read empties every cache
  }
  return "all";
}

function scheduleReconnect(s: State) {
  if (s.stopped) return;
  const delay = Math.min(30_000, 250 * 2 ** Math.min(s.attempts, 7)) * (0.5 + Math.random() / 2);
  s.attempts++;
  setTimeout(() => void connect(s), delay).unref();
}

async function connect(s: State): Promise<void> {
  if (s.stopped || s.listening || s.starting) return;
  s.starting = true;
  const client = new Client({ connectionString: env.DATABASE_URL, application_name: "saldo-cache-listener" });
  const lost = () => {
    if (s.client !== client) return;
    s.client = undefined;
    s.listening = false;
    deliver("all");
    client.end().catch(() => undefined);
    // While connecting, the failed connect schedules the retry itself.
    if (!s.starting) scheduleReconnect(s);
  };
  client.on("error", (error: Error) => {
    if (!s.warned) console.warn(`[cache] invalidation listener lost: ${error.message}`);
    s.warned = true;
    lost();
  });
  client.on("end", lost);
  client.on("notification", (n) => {
    if (n.channel === INVALIDATION_CHANNEL) deliver(parse(n.payload));
  });
  try {
    s.client = client;
    await client.connect();
    await client.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    // The listener alone must not keep a process (a script, a test worker) alive.
    (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
    // Whatever was announced before we listened is unknown: start from empty caches.
    deliver("all");
    s.listening = true;
    s.attempts = 0;
    s.warned = false;
  } catch (error) {
    if (!s.warned) console.warn(`[cache] invalidation listener could not connect: ${(error as Error).message}`);
    s.warned = true;
    if (s.client === client) s.client = undefined;
    client.end().catch(() => undefined);
    scheduleReconnect(s);
  } finally {
    s.starting = false;
  }
}

/**
 * May this process trust a cache that other processes invalidate? On SQLite: yes (entries live
 * only their TTL). On PostgreSQL: only while the listener is connected; the first call starts it.
 */
export function sharedInvalidationReady(): boolean {
  if (engine !== "postgres") return true;
  const s = state();
  if (!s.listening && !s.starting && !s.client && !s.stopped) void connect(s);
  return s.listening;
}

/** Resolves once the listener is up (PostgreSQL) or at once (SQLite); false after `timeoutMs`. For tests and start-up. */
export async function waitForSharedInvalidation(timeoutMs = 5000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!sharedInvalidationReady()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/** Stops the listener (tests, shutdown). */
export async function stopInvalidationListener(): Promise<void> {
  const s = state();
  s.stopped = true;
  s.listening = false;
  const client = s.client;
  s.client = undefined;
  if (client) await client.end().catch(() => undefined);
}
