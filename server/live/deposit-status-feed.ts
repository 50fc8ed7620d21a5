// One change feed per process for every open pay page (issue 14). The database work it does
// depends on how often deposits change and how many viewers arrive, never on how many watch:
//
// - PostgreSQL: one dedicated `pg` connection LISTENs on `saldo_deposit_status`; every transaction
//   that changes a deposit's status NOTIFYs its id (notify-deposit-status.ts), delivered on commit.
//   A notification for a watched id is read (one query for all ids notified within a few ms) and
//   handed to its viewers. The connection is re-opened with backoff when it drops, and after every
//   (re)connect each watched deposit is read once, so a change made while nobody listened is not missed.
// - SQLite (one machine, no NOTIFY): one poll per process, every LIVE_POLL_MS, reads every watched
//   deposit in one `WHERE id IN (…)` query, and only while somebody watches.
//
// Expiry by the clock writes nothing by itself: a per-process timer at the earliest watched
// `expiredAt` expires those deposits (expireIfDue, the same guarded transition the worker makes),
// so a page shows "expired" on time. A viewer's first status comes from a read made after it
// joined (arrivals within a few ms share one query). With no viewers the feed does nothing: no
// poll, no timers, and the listening connection closes after a short grace period.
import pg from "pg";
import { db, engine as configuredEngine } from "../db";
import { expireIfDue } from "../deposits/expire-deposit";
import { env, liveEnv } from "../env";
import { DEPOSIT_STATUS_CHANNEL } from "./notify-deposit-status";

export type DepositStatus = { id: string; status: string; paidAt: Date | null };
type Row = DepositStatus & { expiredAt: Date };
/** Called with a deposit's current status (repeats are possible), or null when no deposit has that id. */
export type StatusListener = (status: DepositStatus | null) => void;

export type DepositStatusFeedOptions = {
  /** "listen" (PostgreSQL LISTEN/NOTIFY) or "poll" (SQLite); follows DATABASE_URL by default. */
  mode?: "listen" | "poll";
  pollMs?: number;
  /** The listening connection's database (DATABASE_URL by default). */
  connectionString?: string;
  /** How long the listening connection stays open after the last viewer left. */
  idleCloseMs?: number;
  /** Ids per read. */
  chunk?: number;
  /** How long arrivals and notifications are gathered into one read. */
  gatherMs?: number;
};

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 10_000;
const RETRY_AFTER_FAILURE_MS = 1_000;
const MAX_TIMER_MS = 2 ** 31 - 1;
const statusSelect = { id: true, status: true, paidAt: true, expiredAt: true } as const;

export class DepositStatusFeed {
  /** Database reads made by the feed (each covers up to `chunk` ids): what the tests and the bench count. */
  reads = 0;
  /** Times the listening connection was (re)opened. */
  connections = 0;
  private viewers = 0;
  private readonly listeners = new Map<string, Set<StatusListener>>();
  private readonly latest = new Map<string, { row: Row | null; seq: number }>();
  private readonly toRead = new Set<string>();
  private seq = 0;
  private gatherTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private expiryTimer: NodeJS.Timeout | null = null;
  private expiryAt: number | null = null;
  private client: pg.Client | null = null;
  private connecting = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelay = RECONNECT_MIN_MS;
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly mode: "listen" | "poll";
  private readonly pollMs: number;
  private readonly connectionString: string;
  private readonly idleCloseMs: number;
  private readonly chunk: number;
  private readonly gatherMs: number;

  constructor(options: DepositStatusFeedOptions = {}) {
    this.mode = options.mode ?? (configuredEngine === "postgres" ? "listen" : "poll");
    this.pollMs = options.pollMs ?? liveEnv.LIVE_POLL_MS;
    this.connectionString = options.connectionString ?? env.DATABASE_URL;
    this.idleCloseMs = options.idleCloseMs ?? 30_000;
    this.chunk = options.chunk ?? 500;
    this.gatherMs = options.gatherMs ?? 5;
  }

  /** Viewers (one per open stream) in this process. */
  get viewerCount(): number {
    return this.viewers;
  }

  /** Distinct deposits watched. */
  get watchedCount(): number {
    return this.listeners.size;
  }

  /** Whether the PostgreSQL listening connection is open. */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Starts telling `listener` about deposit `id`; the returned function stops it. */
  watch(id: string, listener: StatusListener): () => void {
    if (this.closed) throw new Error("The deposit status feed is closed");
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    this.viewers++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.requestRead(id);
    this.start();
    let watching = true;
    return () => {
      if (!watching) return;
      watching = false;
      this.viewers--;
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(id) === set) {
        this.listeners.delete(id);
        this.latest.delete(id);
      }
      if (this.listeners.size === 0) this.becomeIdle();
    };
  }

  /** Stops everything (tests; a process shutting down). */
  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.latest.clear();
    this.viewers = 0;
    this.becomeIdle();
    await this.closeConnection();
  }

  private start() {
    if (this.mode === "poll") this.schedulePoll();
    else void this.connect();
  }

  private becomeIdle() {
    for (const timer of [this.gatherTimer, this.pollTimer, this.expiryTimer, this.reconnectTimer]) if (timer) clearTimeout(timer);
    this.gatherTimer = this.pollTimer = this.expiryTimer = this.reconnectTimer = null;
    this.expiryAt = null;
    this.toRead.clear();
    if (this.client && !this.idleTimer && !this.closed) {
      this.idleTimer = setTimeout(() => {
        this.idleTimer = null;
        if (this.listeners.size === 0) void this.closeConnection();
      }, this.idleCloseMs);
      this.idleTimer.unref();
    }
  }

  // ── reads ──────────────────────────────────────────────────────────────────────────────────

  private requestRead(id: string, delayMs = this.gatherMs) {
    this.toRead.add(id);
    if (this.gatherTimer) return;
    this.gatherTimer = setTimeout(() => {
      this.gatherTimer = null;
      const ids = [...this.toRead].filter((i) => this.listeners.has(i));
      this.toRead.clear();
      void this.read(ids);
    }, delayMs);
    this.gatherTimer.unref();
  }

  private async read(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += this.chunk) {
      const chunk = ids.slice(i, i + this.chunk);
      const seq = ++this.seq;
      this.reads++;
      let rows: Row[];
      try {
        rows = await db.deposit.findMany({ where: { id: { in: chunk } }, select: statusSelect });
      } catch (error) {
        const watched = chunk.filter((id) => this.listeners.has(id));
        if (this.closed || !watched.length) return;
        console.error("[live] reading deposit statuses failed; trying again:", error);
        for (const id of watched) this.requestRead(id, RETRY_AFTER_FAILURE_MS);
        continue;
      }
      const found = new Map(rows.map((r) => [r.id, r]));
      for (const id of chunk) this.update(id, found.get(id) ?? null, seq);
    }
    this.planExpiry();
  }

  /** Hands a read to the deposit's viewers, unless a later read already did. */
  private update(id: string, row: Row | null, seq: number) {
    const set = this.listeners.get(id);
    if (!set) return;
    const known = this.latest.get(id);
    if (known && known.seq > seq) return;
    this.latest.set(id, { row, seq });
    // Pending but past its time: the expiry below tells the viewers, as "expired".
    if (row && row.status === "pending" && row.expiredAt.getTime() <= Date.now()) return;
    const status = row && { id: row.id, status: row.status, paidAt: row.paidAt };
    for (const listener of [...set]) listener(status);
  }

  private schedulePoll() {
    if (this.pollTimer || this.closed || this.listeners.size === 0) return;
    this.pollTimer = setTimeout(() => {
      void this.read([...this.listeners.keys()]).finally(() => {
        this.pollTimer = null;
        this.schedulePoll();
      });
    }, this.pollMs);
    this.pollTimer.unref();
  }

  // ── expiry by the clock ────────────────────────────────────────────────────────────────────

  private planExpiry(notBeforeMs = 0) {
    let earliest = Infinity;
    for (const [id, { row }] of this.latest) {
      if (row?.status === "pending" && this.listeners.has(id)) earliest = Math.min(earliest, row.expiredAt.getTime());
    }
    if (earliest === Infinity || this.closed) {
      if (this.expiryTimer) clearTimeout(this.expiryTimer);
      this.expiryTimer = null;
      this.expiryAt = null;
      return;
    }
    const at = Math.max(earliest, Date.now() + notBeforeMs);
    if (this.expiryTimer && this.expiryAt !== null && this.expiryAt <= at) return;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryAt = at;
    this.expiryTimer = setTimeout(() => void this.expireDue(), Math.min(Math.max(at - Date.now(), 0), MAX_TIMER_MS));
    this.expiryTimer.unref();
  }

  private async expireDue() {
    this.expiryTimer = null;
    this.expiryAt = null;
    const now = new Date();
    let failed = false;
    for (const [id, { row }] of [...this.latest]) {
      if (row?.status !== "pending" || row.expiredAt > now || !this.listeners.has(id)) continue;
      const seq = ++this.seq;
      try {
        this.reads++;
        const deposit = await db.deposit.findUnique({ where: { id } });
        const fresh = deposit ? await expireIfDue(deposit, now) : null;
        this.update(id, fresh && { id: fresh.id, status: fresh.status, paidAt: fresh.paidAt, expiredAt: fresh.expiredAt }, seq);
      } catch (error) {
        if (this.closed) return;
        failed = true;
        console.error(`[live] expiring deposit ${id} failed; trying again:`, error);
      }
    }
    this.planExpiry(failed ? RETRY_AFTER_FAILURE_MS : 0);
  }

  // ── PostgreSQL: the listening connection ───────────────────────────────────────────────────

  private async connect() {
    if (this.client || this.connecting || this.reconnectTimer || this.closed || this.listeners.size === 0) return;
    this.connecting = true;
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on("error", (error) => {
      if (!this.closed) console.warn(`[live] the listening connection failed: ${error.message}`);
      this.lost(client);
    });
    client.on("end", () => this.lost(client));
    client.on("notification", (message) => {
      if (message.channel === DEPOSIT_STATUS_CHANNEL && message.payload && this.listeners.has(message.payload)) this.requestRead(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${DEPOSIT_STATUS_CHANNEL}`);
      if (this.closed || this.listeners.size === 0) {
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
      this.connections++;
      this.reconnectDelay = RECONNECT_MIN_MS;
      // Whatever changed while nobody listened: every watched deposit, read once.
      for (const id of this.listeners.keys()) this.requestRead(id);
    } catch (error) {
      if (!this.closed) console.warn(`[live] could not listen for deposit changes (retrying in ${this.reconnectDelay} ms): ${(error as Error).message}`);
      client.removeAllListeners("end");
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
    } finally {
      this.connecting = false;
    }
  }

  private lost(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners("end");
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    if (this.reconnectTimer || this.closed || this.listeners.size === 0) return;
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(delay * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }

  private async closeConnection() {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const client = this.client;
    this.client = null;
    if (!client) return;
    client.removeAllListeners("end");
    await client.end().catch(() => undefined);
  }
}

const globalForFeed = globalThis as unknown as { saldoDepositStatusFeed?: DepositStatusFeed };

/** The process's one feed, shared by every viewer in it. */
export function depositStatusFeed(): DepositStatusFeed {
  return (globalForFeed.saldoDepositStatusFeed ??= new DepositStatusFeed());
}
