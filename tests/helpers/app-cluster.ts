// Saldo as a scaled-out deployment runs it, for the scale-out and chaos tests (tests/scale-out):
// N `next start` processes (the production build, no sticky sessions) and M workers on one
// PostgreSQL database, each a real process that a test can `kill -9` and start again.
//
// - The database: the caller's (the fresh, migrated one tests/setup-db.ts made for the test file
//   through tests/test-database.ts, so the test process's server/db sees the same rows), or a new
//   one from tests/test-database.ts, dropped at stop().
// - The build: NEXT_DIST_DIR or .next must hold a production build (BUILD_ID); without one,
//   startCluster throws at once (npm test builds before vitest).
// - Environment as scripts/e2e-server.mjs sets it (NODE_ENV=production, SANDBOX=1,
//   ALLOW_SANDBOX_IN_PRODUCTION=1, ALLOW_LOCAL_CALLBACKS=1, generated secrets, low BCRYPT_COST),
//   with API rate limits raised so a storm is not throttled, and the worker fast: short polls, a
//   retry schedule in fractions of a second, a claim that lapses in seconds after a kill.
// - No orphans: every child runs in a process group of its own (kill(-pid) takes all of it), is
//   killed when this process exits, and carries a watchdog that exits it within a second of the
//   test process disappearing (a crashed or killed vitest worker included).
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, type WriteStream } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { hmacSha512Hex } from "../../server/crypto/hmac";
import { createTestDatabase, type TestDatabase } from "../test-database";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The production build the apps serve: NEXT_DIST_DIR (as next.config.mjs reads it) or .next. */
export function buildDir(): string {
  return path.resolve(ROOT, process.env.NEXT_DIST_DIR || ".next");
}

/** Throws, with what to run, when there is no production build to start. */
export function assertProductionBuild(): void {
  const dir = buildDir();
  if (existsSync(path.join(dir, "BUILD_ID"))) return;
  const dist = process.env.NEXT_DIST_DIR ? `NEXT_DIST_DIR=${process.env.NEXT_DIST_DIR} ` : "";
  throw new Error(
    `The scale-out tests run the production build, and ${dir} has none (no BUILD_ID). ` +
      `Build it first: \`${dist}npx next build\` (npm test builds before it runs vitest).`,
  );
}

/** The environment every cluster process shares; `overrides` (ClusterOptions.env) wins. */
function clusterEnvironment(databaseUrl: string, overrides: Record<string, string>): NodeJS.ProcessEnv {
  const secret = () => randomBytes(32).toString("base64url");
  const inherited: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(process.env)) {
    // Nothing of the test runner's own configuration (VITEST_*, its fast webhook settings, NODE_ENV=test, the test database engine).
    if (/^(VITEST|TEST_|WEBHOOK_|REDIS_URL$|NODE_ENV$|NODE_OPTIONS$|DATABASE_URL$|APP_URL$|NEXTAUTH_URL$|PORT$)/.test(name)) continue;
    inherited[name] = value;
  }
  return {
    ...inherited,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: secret(),
    SANDBOX_WEBHOOK_SECRET: secret(),
    BANK_MUTATION_SECRET: secret(),
    DATA_ENCRYPTION_KEY: secret(),
    BCRYPT_COST: "4",
    SANDBOX: "1",
    ALLOW_SANDBOX_IN_PRODUCTION: "1",
    // The tests' callback receivers listen on 127.0.0.1.
    ALLOW_LOCAL_CALLBACKS: "1",
    // A storm from one address must not be throttled (counters stay in each process: no REDIS_URL).
    RATE_LIMIT_API_PER_MINUTE: "10000000",
    RATE_LIMIT_PUBLIC_PER_MINUTE: "10000000",
    RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: "10000000",
    // The worker, fast: due callbacks are looked for every 100 ms, retried within a second (40
    // tries over ~38 s before an event fails, so a receiver that is down for a slow test's while
    // loses nothing), and a killed worker's claims lapse in 7 s (the least the worker accepts:
    // WEBHOOK_TIMEOUT_MS + 5 s).
    WORKER_INTERVAL_SECONDS: "1",
    WEBHOOK_POLL_MS: "100",
    WEBHOOK_RETRY_SCHEDULE: ["0.2", "0.4", "0.6", "0.8", ...Array<string>(36).fill("1")].join(","),
    WEBHOOK_TIMEOUT_MS: "2000",
    WEBHOOK_CLAIM_SECONDS: "7",
    AUTO_TOPUP_POLL_MS: "5000",
    ...overrides,
  };
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// TypeScript run by node itself with tsx's loader, as the tsx CLI sets it up (without the CLI's
// own process between: a kill -9 must reach the worker, not a wrapper).
const TSX = path.join(ROOT, "node_modules", "tsx", "dist");
const TSX_ARGS = ["--require", path.join(TSX, "preflight.cjs"), "--import", pathToFileURL(path.join(TSX, "loader.mjs")).toString()];

// Loaded first in every child: exits it when the test process (SALDO_CLUSTER_PARENT) is gone.
const WATCHDOG = `data:text/javascript,${encodeURIComponent(
  "const p=Number(process.env.SALDO_CLUSTER_PARENT);if(p)setInterval(()=>{try{process.kill(p,0)}catch{process.exit(1)}},500).unref();",
)}`;

const live = new Set<ClusterProcess>();
process.once("exit", () => {
  for (const child of live) child.killNow();
});

type ProcessSpec = {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Resolves once the process serves; called again after every start. */
  ready: (proc: ClusterProcess) => Promise<void>;
};

/** One child process of the cluster: started, killed (any signal, -9 by default) and started again. */
export class ClusterProcess {
  child: ChildProcess | null = null;
  /** The last lines it wrote, for failure messages. */
  readonly tail: string[] = [];
  readonly logFile: string;
  private log: WriteStream | null = null;
  private exit: Promise<number | null> = Promise.resolve(null);
  starts = 0;

  constructor(
    private readonly spec: ProcessSpec,
    logDir: string,
    readonly port?: number,
  ) {
    this.logFile = path.join(logDir, `${spec.name}.log`);
  }

  get name() {
    return this.spec.name;
  }
  get url(): string {
    if (!this.port) throw new Error(`${this.name} has no port`);
    return `http://127.0.0.1:${this.port}`;
  }
  get pid(): number {
    if (!this.child?.pid) throw new Error(`${this.name} is not running`);
    return this.child.pid;
  }
  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  private remember(chunk: Buffer) {
    this.log?.write(chunk);
    for (const line of String(chunk).split("\n")) if (line.trim()) this.tail.push(line);
    if (this.tail.length > 60) this.tail.splice(0, this.tail.length - 60);
  }

  /** What it last said, for an error message. */
  lastWords(): string {
    return `${this.name} (log: ${this.logFile}):\n  ${this.tail.slice(-25).join("\n  ")}`;
  }

  async start(timeoutMs = 120_000): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running`);
    this.starts++;
    this.log = createWriteStream(this.logFile, { flags: "a" });
    this.log.write(`\n==== start ${this.starts} at ${new Date().toISOString()}\n`);
    const child = spawn(process.execPath, ["--import", WATCHDOG, ...this.spec.args], {
      cwd: ROOT,
      env: { ...this.spec.env, SALDO_CLUSTER_PARENT: String(process.pid) },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    this.child = child;
    live.add(this);
    child.stdout!.on("data", (c: Buffer) => this.remember(c));
    child.stderr!.on("data", (c: Buffer) => this.remember(c));
    this.exit = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        live.delete(this);
        this.log?.write(`==== exit ${code ?? signal} at ${new Date().toISOString()}\n`);
        resolve(code);
      });
    });
    let timer: NodeJS.Timeout | undefined;
    const failed = new Promise<never>((_, reject) => {
      void this.exit.then(() => reject(new Error(`${this.name} exited while starting.\n${this.lastWords()}`)));
      timer = setTimeout(() => reject(new Error(`${this.name} was not ready after ${timeoutMs / 1000} s.\n${this.lastWords()}`)), timeoutMs);
    });
    try {
      await Promise.race([this.spec.ready(this), failed]);
    } catch (error) {
      this.killNow();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Sends `signal` to its whole process group (kill -9 by default) and waits until it has exited;
   * a process that outlives any other signal by 10 s is killed -9.
   */
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    if (!this.running) return;
    try {
      process.kill(-this.pid, signal);
    } catch {
      // Already gone.
    }
    if (signal !== "SIGKILL") {
      const timer = setTimeout(() => this.killNow(), 10_000);
      await this.exit;
      clearTimeout(timer);
    }
    await this.exit;
    this.log?.end();
    this.log = null;
  }

  /** Synchronous SIGKILL of the group, for exit handlers. */
  killNow(): void {
    if (!this.child?.pid) return;
    try {
      process.kill(-this.child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }

  /** Resolves when the process writes a line matching `pattern` (from now on). */
  waitForLine(pattern: RegExp): Promise<void> {
    return new Promise((resolve) => {
      const onData = (chunk: Buffer) => {
        if (pattern.test(String(chunk))) {
          this.child?.stdout?.off("data", onData);
          resolve();
        }
      };
      this.child?.stdout?.on("data", onData);
    });
  }
}

/** Answers any HTTP request (the status does not matter): the server is listening and routing. */
async function waitForHttp(proc: ClusterProcess): Promise<void> {
  for (;;) {
    if (!proc.running) return; // start() reports the exit
    try {
      const response = await fetch(`${proc.url}/api/v1/balance`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      return;
    } catch {
      await sleep(250);
    }
  }
}

export type ClusterOptions = {
  apps?: number;
  workers?: number;
  /** A migrated PostgreSQL database; default: a new one (tests/test-database.ts), dropped at stop(). */
  databaseUrl?: string;
  /** Environment for every process, over the cluster's own (e.g. WEBHOOK_CONCURRENCY_PER_ENDPOINT). */
  env?: Record<string, string>;
};

export type AppCluster = {
  databaseUrl: string;
  env: NodeJS.ProcessEnv;
  apps: ClusterProcess[];
  workers: ClusterProcess[];
  logDir: string;
  /** Kills every process (and drops the database the cluster made). Safe to call twice. */
  stop: () => Promise<void>;
};

export async function startCluster(options: ClusterOptions = {}): Promise<AppCluster> {
  assertProductionBuild();
  let made: TestDatabase | null = null;
  let databaseUrl = options.databaseUrl;
  if (!databaseUrl) {
    made = await createTestDatabase("postgres");
    databaseUrl = made.url;
  }
  if (!/^postgres(ql)?:/.test(databaseUrl)) throw new Error("The cluster runs on PostgreSQL: run the scale-out tests in the vitest `postgres` project (TEST_POSTGRES_URL)");
  const env = clusterEnvironment(databaseUrl, options.env ?? {});
  const logDir = path.join(os.tmpdir(), `saldo-cluster-${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(logDir, { recursive: true });

  const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  const apps: ClusterProcess[] = [];
  for (let i = 0; i < (options.apps ?? 2); i++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    apps.push(
      new ClusterProcess(
        // Each process hands out links (and sandbox callbacks) to itself.
        { name: `app${i}`, args: [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], env: { ...env, PORT: String(port), APP_URL: url, NEXTAUTH_URL: url }, ready: waitForHttp },
        logDir,
        port,
      ),
    );
  }
  const workers: ClusterProcess[] = [];
  for (let i = 0; i < (options.workers ?? 2); i++) {
    workers.push(
      new ClusterProcess(
        {
          name: `worker${i}`,
          args: [...TSX_ARGS, path.join(ROOT, "server", "jobs", "worker.ts")],
          env: { ...env, APP_URL: apps[0]?.url ?? "http://127.0.0.1:9" },
          ready: (proc) => proc.waitForLine(/\] started/),
        },
        logDir,
      ),
    );
  }
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all([...apps, ...workers].map((p) => p.kill()));
    await made?.drop();
  };
  try {
    await Promise.all([...apps, ...workers].map((p) => p.start()));
  } catch (error) {
    await stop();
    throw error;
  }
  return { databaseUrl, env, apps, workers, logDir, stop };
}

// ── Traffic ───────────────────────────────────────────────────────────────────────────────────

export type SandboxPayment = { event_id: string; reference: string; amount: number; paid_at: string };

/**
 * The sandbox provider's payment notification, signed as server/providers/sandbox signs it
 * (HMAC-SHA512 of the raw body with SANDBOX_WEBHOOK_SECRET, in X-Signature), POSTed to `baseUrl`.
 * A connection that fails (a killed process) is status 0.
 */
export async function sendSandboxNotification(cluster: AppCluster, baseUrl: string, payment: SandboxPayment, raw = JSON.stringify(payment)) {
  try {
    const response = await fetch(`${baseUrl}/api/webhooks/sandbox`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-signature": hmacSha512Hex(String(cluster.env.SANDBOX_WEBHOOK_SECRET), raw) },
      body: raw,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = { raw: text.slice(0, 300) };
    }
    return { status: response.status, body };
  } catch (error) {
    return { status: 0, body: { error: String(error) } };
  }
}

/** A REST call with the merchant's API key. */
export async function restCall(baseUrl: string, apiKey: string, method: "GET" | "POST", pathAndQuery: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${pathAndQuery}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const json = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body: json };
}

export type Invoice = { invoice_id: string; total: number; merchantId: string };

/** A QRIS invoice through POST /api/v1/invoice/create on `baseUrl`. */
export async function createInvoice(baseUrl: string, merchant: { apiKey: string; merchantId: string }, amount: number): Promise<Invoice> {
  const { status, body } = await restCall(baseUrl, merchant.apiKey, "POST", "/api/v1/invoice/create", { amount });
  if (status !== 200 || typeof body.invoice_id !== "string") throw new Error(`invoice/create answered ${status}: ${JSON.stringify(body)}`);
  return { invoice_id: body.invoice_id, total: Number(body.total), merchantId: merchant.merchantId };
}

/** Logs how long each phase of a test took (the storms' figures, for the report and for a slow run). */
export function phaseTimer(test: string) {
  let last = Date.now();
  const started = last;
  return (phase: string) => {
    const now = Date.now();
    console.log(`[${test}] ${phase}: ${((now - last) / 1000).toFixed(1)} s (total ${((now - started) / 1000).toFixed(1)} s)`);
    last = now;
  };
}

/** Runs `fn` over `items` with at most `limit` at once; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Polls `check` until it returns true, or throws `describe()`'s text after `timeoutMs`. */
export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, describe: () => Promise<string> | string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s: ${await describe()}`);
    await sleep(100);
  }
}

/** `npm run ledger:check` (scripts/ledger-check.ts) on the cluster's database: its exit code and output. */
export function runLedgerCheck(cluster: AppCluster): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...TSX_ARGS, path.join(ROOT, "scripts", "ledger-check.ts")],
      { cwd: ROOT, env: { ...cluster.env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

// ── Seeding (through the use cases, in this process, on the same database) ─────────────────────

/**
 * A merchant with an API key and a callback endpoint at `callbackUrl`, made by the use cases in
 * this process; the cluster must run on this process's database (DATABASE_URL).
 */
export type SeededMerchant = { merchantId: string; apiKey: string };

export async function seedMerchant(cluster: AppCluster, callbackUrl: string, name = "Toko Skala"): Promise<SeededMerchant> {
  if (process.env.DATABASE_URL !== cluster.databaseUrl) throw new Error("seedMerchant writes through this process's server/db: start the cluster with databaseUrl: process.env.DATABASE_URL");
  const { createMerchant, createKey } = await import("./fixtures");
  const { saveWebhookEndpoint } = await import("../../server/webhooks/save-webhook-endpoint");
  const merchant = await createMerchant(name);
  const apiKey = await createKey(merchant.merchantId);
  await saveWebhookEndpoint({ merchantId: merchant.merchantId, url: callbackUrl, actor: { type: "SYSTEM" } });
  return { merchantId: merchant.merchantId, apiKey };
}
