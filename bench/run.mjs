// npm run bench — every row of issue 14's table, measured from outside on this machine:
//   (a) GET /api/v1/balance with key auth vs a bare Next.js route handler (bench/baseline)
//   (b) signed provider notifications ingested, exactly once, 20 in flight
//   (c) callbacks delivered to a local receiver by 1 (and 2) worker processes, exactly once
//   (d) database queries per second with N = 0, 100, 1,000 open pay pages (deposits.watch streams)
//   (e) 1,000 pay pages open on one app process, then paid: payment → page shows paid, p95
//   (f) wallet history / statement / admin lists on a large ledger: server time p95
// on SQLite, and on PostgreSQL when BENCH_POSTGRES_URL is set (a server where databases may be
// created; each run makes its own and drops it). Prints a table and writes bench/results.md.
//
//   BENCH_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench
//   BENCH_ONLY=balance,ingest,delivery,feed,lists,batch   some rows only (feed = rows d and e)
//   BENCH_ENGINES=postgres                          one engine only
//   BENCH_SKIP_BUILD=1                              reuse .next-bench and bench/baseline/.next
//   BENCH_NOTIFICATIONS=3000 BENCH_CALLBACKS=4000 BENCH_PAGES=1000 BENCH_SECONDS=10 BENCH_LIST_ROWS=1000000
import { execFileSync, spawn } from "node:child_process";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync, createWriteStream } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import pg from "pg";
import { Agent, Pool, request } from "undici";

const root = process.cwd();
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const started = Date.now();
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",").map((s) => s.trim())) : null;
const wants = (row) => !only || only.has(row);
const adminUrl = process.env.BENCH_POSTGRES_URL;
const engines = (process.env.BENCH_ENGINES ?? "sqlite,postgres").split(",").filter((e) => e === "sqlite" || (e === "postgres" && adminUrl));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const NOTIFICATIONS = Number(process.env.BENCH_NOTIFICATIONS ?? 2000);
const CALLBACKS = Number(process.env.BENCH_CALLBACKS ?? 3000);
const PAGES = Number(process.env.BENCH_PAGES ?? 1000);
const LIST_ROWS = Number(process.env.BENCH_LIST_ROWS ?? 1_000_000);
const IN_FLIGHT = 20;
const PORT = Number(process.env.BENCH_PORT ?? 3420); // apps on PORT, PORT+1; receiver PORT+8; baseline PORT+9
const distDir = ".next-bench";
const work = path.join(os.tmpdir(), `saldo-bench-${Date.now().toString(36)}`);
mkdirSync(work, { recursive: true });
const log = (...args) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...args);

const secret = () => randomBytes(32).toString("base64url");
const SANDBOX_WEBHOOK_SECRET = secret();
const API_KEY = `sk_test_${randomBytes(24).toString("base64url")}`;
// Production mode as scripts/e2e-server.mjs runs it; rate limits raised so they do not throttle the load.
const RATE_LIMITS = { RATE_LIMIT_API_PER_MINUTE: "100000000", RATE_LIMIT_PUBLIC_PER_MINUTE: "100000000", RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: "100000000" };
const baseEnv = {
  ...process.env,
  NEXTAUTH_SECRET: secret(),
  SANDBOX_WEBHOOK_SECRET,
  BANK_MUTATION_SECRET: secret(),
  DATA_ENCRYPTION_KEY: secret(),
  NEXT_TELEMETRY_DISABLED: "1",
  BCRYPT_COST: "4",
  SANDBOX: "1",
  ALLOW_SANDBOX_IN_PRODUCTION: "1",
  ALLOW_LOCAL_CALLBACKS: "1",
  SEED_API_KEY: API_KEY,
  NEXT_DIST_DIR: distDir,
  ...RATE_LIMITS,
};
delete baseEnv.REDIS_URL; // counters in each process's memory: nothing shared to wait on
delete baseEnv.DEBUG;

// ---------------------------------------------------------------- processes

const children = new Set();
function startProcess(name, command, args, env, ready = /Ready/i) {
  const out = createWriteStream(path.join(work, `${name}.log`));
  const child = spawn(command, args, { env, cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  child.on("exit", () => children.delete(child));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s (log: ${path.join(work, `${name}.log`)})`)), 60_000);
    child.stdout.on("data", (chunk) => {
      if (ready.test(String(chunk))) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} (log: ${path.join(work, `${name}.log`)})`));
    });
  });
}
async function stopProcess(child) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGTERM"); // its own process group (detached): npx/tsx and what they started
  } catch {}
  await Promise.race([exited, sleep(5000)]);
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {}
}
async function stopAll() {
  await Promise.all([...children].map(stopProcess));
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll().then(() => process.exit(130)));

function tsx(args, env) {
  return execFileSync(bin("tsx"), args, { env, cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 << 20 });
}
const lastJson = (text) => JSON.parse(text.trim().split("\n").filter((l) => l.startsWith("{")).at(-1));

// ---------------------------------------------------------------- databases

async function createDatabase(engine) {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  if (engine === "sqlite") {
    const file = path.join(work, `bench-${suffix}.db`);
    return { url: `file:${file}`, drop: async () => ["", "-wal", "-shm"].forEach((s) => rmSync(file + s, { force: true })) };
  }
  const name = `saldo_bench_${suffix}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

// ---------------------------------------------------------------- measurements

const percentile = (values, q) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const round = (n, d = 0) => (Number.isFinite(n) ? Math.round(n * 10 ** d) / 10 ** d : n);

async function load(url, headers = {}) {
  await autocannon({ url, connections: IN_FLIGHT, duration: 2, headers }); // warm-up
  const r = await autocannon({ url, connections: IN_FLIGHT, duration: SECONDS, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors, total: r.requests.total };
}

/** Sends `items` through `send`, `inFlight` at a time; returns the wall time in seconds. */
async function inParallel(items, inFlight, send) {
  let next = 0;
  const t = performance.now();
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < items.length) {
      const i = next++;
      await send(items[i], i);
    }
  }));
  return (performance.now() - t) / 1000;
}

function signedNotification(deposit, i) {
  const body = JSON.stringify({ event_id: `bench_evt_${i}_${deposit.id}`, reference: deposit.id, amount: Number(deposit.total), paid_at: new Date().toISOString() });
  return { body, headers: { "content-type": "application/json", "x-signature": createHmac("sha512", SANDBOX_WEBHOOK_SECRET).update(body, "utf8").digest("hex") } };
}

function pools(urls, connections) {
  return urls.map((u) => new Pool(u, { connections, keepAliveTimeout: 30_000 }));
}

async function notify(poolsByApp, deposits, onPaid) {
  let failures = 0;
  let retries = 0;
  const statuses = {};
  const seconds = await inParallel(deposits, IN_FLIGHT, async (deposit, i) => {
    const { body, headers } = signedNotification(deposit, i);
    // A connection the server closed while idle is retried with the same notification (a
    // provider retries too; the event id makes the repeat a no-op if the first one got through).
    let res;
    for (let attempt = 1; ; attempt++) {
      try {
        res = await poolsByApp[i % poolsByApp.length].request({ method: "POST", path: "/api/webhooks/sandbox", headers, body });
        await res.body.text();
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
        retries++;
      }
    }
    statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
    if (res.statusCode !== 200) failures++;
    onPaid?.(deposit, performance.now());
  });
  if (retries) statuses.retriedAfterNetworkError = retries;
  return { seconds, failures, statuses };
}

/** One pay page's live status stream (tRPC 11 httpSubscriptionLink: GET with the input in the query, server-sent events). */
function openWatch(dispatcher, appUrl, depositId, onStatus) {
  const input = encodeURIComponent(JSON.stringify({ json: { id: depositId } }));
  const controller = new AbortController();
  const opened = request(`${appUrl}/api/trpc/deposits.watch?input=${input}`, { dispatcher, signal: controller.signal, headers: { accept: "text/event-stream" } }).then(async (res) => {
    if (res.statusCode !== 200) {
      onStatus(`http ${res.statusCode}`);
      await res.body.text().catch(() => {});
      return;
    }
    let buffer = "";
    res.body.setEncoding("utf8");
    res.body.on("data", (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trim()).join("\n");
        const status = data.match(/"status":"(\w+)"/)?.[1];
        if (status) onStatus(status);
      }
    });
    res.body.on("error", () => {});
  }).catch(() => {});
  return { close: () => controller.abort(), opened };
}

async function pgCounters(dbName) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  const { rows } = await c.query(`SELECT xact_commit + xact_rollback AS xacts FROM pg_stat_database WHERE datname = $1`, [dbName]);
  await c.end();
  return Number(rows[0]?.xacts ?? 0);
}

// ---------------------------------------------------------------- the receiver of callbacks

async function startReceiver(port) {
  const seen = new Set();
  let duplicates = 0;
  let last = 0;
  const server = http.createServer((req, res) => {
    const id = req.headers["webhook-id"];
    req.resume();
    req.on("end", () => {
      if (seen.has(id)) duplicates++;
      else {
        seen.add(id);
        last = Date.now();
      }
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => ({ distinct: seen.size, duplicates, last }),
    reset: () => {
      seen.clear();
      duplicates = 0;
      last = 0;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// ---------------------------------------------------------------- the rows

const rows = [];
const notes = [];
function row(what, today, goal, measured, met) {
  rows.push({ what, today, goal, measured, met: met === null ? "n/a" : met ? "yes" : "no" });
  log(`${what}: ${measured} (${met === null ? "n/a" : met ? "met" : "NOT met"})`);
}

/** Issue 15: a 10,000-row batch payout file parsed and validated through the use cases (bench/batch-validate.ts). */
function benchBatchValidate() {
  log("batch: validating a 10,000-row payout file (bench/batch-validate.ts, fresh SQLite)");
  const result = lastJson(tsx(["bench/batch-validate.ts"], { ...process.env, BENCH_BATCH_ROWS: "10000" }));
  notes.push(`batch validate: ${result.rows} rows, parse ${result.parseMs} ms + validate ${result.validateMs} ms; ${result.valid} valid (the file is all valid by design; some rows repeat withdrawals of the last 24 h and are flagged as duplicates).`);
  row("10,000-row batch payout file parsed and validated (issue 15)", "not measured", "< 5 s", `${(result.totalMs / 1000).toFixed(2)} s (${result.rows} rows, ${result.valid} valid)`, result.totalMs < 5000 && result.valid === result.rows);
}

async function startApps(engine, url, count, extraEnv = {}) {
  const apps = [];
  for (let i = 0; i < count; i++) {
    const port = PORT + i;
    const appUrl = `http://127.0.0.1:${port}`;
    const env = { ...baseEnv, DATABASE_URL: url, NEXTAUTH_URL: appUrl, APP_URL: appUrl, ...extraEnv };
    // BENCH_CPU_PROF=<dir>: the app processes run under `node --cpu-prof` (a profile per process, written at exit).
    const profile = process.env.BENCH_CPU_PROF;
    const [command, args] = profile
      ? [process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profile}`, realpathSync(bin("next")), "start", "-p", String(port)]]
      : [bin("next"), ["start", "-p", String(port)]];
    apps.push({ url: appUrl, child: await startProcess(`${engine}-app-${port}${extraEnv.DEBUG ? "-debug" : ""}`, command, args, env) });
  }
  return apps;
}

async function benchBalance(engine, apps, baselineUrl) {
  const probe = await request(`${apps[0].url}/api/v1/balance`, { headers: { authorization: `Bearer ${API_KEY}` } });
  const probeBody = await probe.body.text();
  if (probe.statusCode !== 200) throw new Error(`GET /api/v1/balance answered ${probe.statusCode}: ${probeBody.slice(0, 300)}`);
  const base = await load(`${baselineUrl}/api/ping`);
  const app = await load(`${apps[0].url}/api/v1/balance`, { authorization: `Bearer ${API_KEY}` });
  const ratio = app.rps / base.rps;
  const fmt = (r) => `${round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${r.non2xx || r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : ""}`;
  notes.push(`${engine}: baseline /api/ping ${fmt(base)}; /api/v1/balance ${fmt(app)}.`);
  row(`GET /api/v1/balance vs bare Next route, ${engine}`, "0.3×", "≥ 0.6×", `${round(ratio, 2)}× (${round(app.rps)} vs ${round(base.rps)} req/s; p50 ${app.p50} / ${base.p50} ms, p99 ${app.p99} / ${base.p99} ms)`, ratio >= 0.6 && app.non2xx === 0);
}

async function benchIngest(engine, apps, env) {
  const file = path.join(work, `${engine}-ingest.json`);
  log(`${engine}: creating ${NOTIFICATIONS} pending QRIS invoices over 20 merchants (createDeposit)`);
  tsx(["bench/tasks.ts", "deposits", String(NOTIFICATIONS), "20", file], env);
  const deposits = JSON.parse(readFileSync(file, "utf8"));
  const appPools = pools(apps.map((a) => a.url), Math.ceil(IN_FLIGHT / apps.length) + 2);
  const { seconds, failures, statuses } = await notify(appPools, deposits);
  await Promise.all(appPools.map((p) => p.close()));
  const rate = deposits.length / seconds;
  const check = lastJson(tsx(["bench/tasks.ts", "verify-ingest", file], env));
  const exact = check.paid === check.deposits && check.journalsOnce === check.deposits && check.eventsOnce === check.deposits && check.ledgerOk;
  notes.push(`${engine} ingestion: ${deposits.length} notifications in ${round(seconds, 1)} s, HTTP ${JSON.stringify(statuses)}; check ${JSON.stringify(check)}.`);
  const goal = engine === "sqlite" ? 500 : 1000;
  row(
    `signed notifications ingested, 20 in flight, ${engine}, ${apps.length} app process${apps.length > 1 ? "es" : ""}`,
    engine === "sqlite" ? "35/s" : "not measured",
    `≥ ${goal.toLocaleString("en")}/s, exactly once`,
    `${round(rate)}/s; ${check.paid}/${check.deposits} paid, ${check.journalsOnce} credited once, ${check.eventsOnce} one outbox event, ledger check ${check.ledgerOk ? "clean" : "FAILED"}${failures ? `, ${failures} non-200` : ""}`,
    rate >= goal && exact && failures === 0,
  );
}

/** Opens `count` watch streams on `appUrl` for `deposits`; resolves once each has answered its first status. */
async function openWatches(dispatcher, appUrl, deposits, onStatus = () => {}) {
  let answered = 0;
  let refused = 0;
  const first = new Set();
  const watches = [];
  await new Promise((resolve) => {
    if (!deposits.length) resolve();
    for (const d of deposits) {
      watches.push(
        openWatch(dispatcher, appUrl, d.id, (status) => {
          if (!first.has(d.id)) {
            first.add(d.id);
            answered++;
            if (status.startsWith("http")) refused++;
            if (answered === deposits.length) resolve();
          }
          onStatus(d, status);
        }),
      );
    }
    setTimeout(resolve, 30_000);
  });
  return { watches, answered, refused, close: () => watches.forEach((w) => w.close()) };
}

async function queriesPerSecond(engine, db, appLog) {
  if (engine === "postgres") {
    const before = await pgCounters(db.name);
    const t = performance.now();
    await sleep(SECONDS * 1000);
    const after = await pgCounters(db.name);
    return (after - before) / ((performance.now() - t) / 1000);
  }
  const count = () => (readFileSync(appLog, "utf8").match(/\[js::(query_?raw|execute_?raw)\]/gi) ?? []).length;
  const before = count();
  const t = performance.now();
  await sleep(SECONDS * 1000);
  return (count() - before) / ((performance.now() - t) / 1000);
}

async function benchFeedQueries(engine, db, app, deposits, appLog) {
  const dispatcher = new Agent({ connections: PAGES + 50, keepAliveTimeout: 30_000, bodyTimeout: 0, headersTimeout: 60_000 });
  const figures = [];
  let open = { close() {}, watches: [] };
  for (const n of [0, 100, PAGES]) {
    open.close();
    open = await openWatches(dispatcher, app.url, deposits.slice(0, n));
    await sleep(1000);
    const qps = await queriesPerSecond(engine, db, appLog);
    figures.push({ n, qps, refused: open.refused });
  }
  open.close();
  await dispatcher.close().catch(() => {});
  const counter = engine === "postgres" ? "pg_stat_database xact_commit + xact_rollback of the bench database (each statement outside a transaction is one)" : "Prisma driver-adapter queries (DEBUG=prisma:driver-adapter:better-sqlite3 log lines [js::queryRaw]/[js::executeRaw], on an app process started with that log)";
  notes.push(`${engine} feed: counter = ${counter}; ${figures.map((f) => `N=${f.n}: ${round(f.qps, 1)}/s${f.refused ? ` (${f.refused} refused)` : ""}`).join(", ")}.`);
  const [zero, , many] = figures;
  const independent = many.qps <= Math.max(10, zero.qps + 10) * 1.5 && !many.refused;
  row(`DB queries/s for N open pay pages (N = 0 / 100 / ${PAGES.toLocaleString("en")}), ${engine}`, "5·N", "independent of N", figures.map((f) => round(f.qps, 1)).join(" / ") + "/s", independent);
}

async function benchFeedLatency(engine, apps, deposits) {
  const dispatcher = new Agent({ connections: PAGES + 50, keepAliveTimeout: 30_000, bodyTimeout: 0, headersTimeout: 60_000 });
  const paidAt = new Map();
  const seenAt = new Map();
  const open = await openWatches(dispatcher, apps[0].url, deposits, (d, status) => {
    if (status === "paid" && !seenAt.has(d.id)) seenAt.set(d.id, performance.now());
  });
  await sleep(1000);
  const appPools = pools(apps.map((a) => a.url), Math.ceil(IN_FLIGHT / apps.length) + 2);
  const { seconds, failures } = await notify(appPools, deposits, (d, t) => paidAt.set(d.id, t));
  const deadline = Date.now() + 15_000;
  while (seenAt.size < deposits.length && Date.now() < deadline) await sleep(100);
  open.close();
  await Promise.all(appPools.map((p) => p.close()));
  await dispatcher.close().catch(() => {});
  const latencies = deposits.filter((d) => seenAt.has(d.id) && paidAt.has(d.id)).map((d) => Math.max(0, seenAt.get(d.id) - paidAt.get(d.id)));
  const p95 = percentile(latencies, 0.95);
  notes.push(`${engine} live status: ${deposits.length} streams on one app process (${open.answered} answered, ${open.refused} refused), paid in ${round(seconds, 1)} s through ${apps.length} app process(es) (${failures} non-200); ${seenAt.size} saw paid; latency from the notification's 200 answer to the stream's paid event: p50 ${round(percentile(latencies, 0.5))} ms, p95 ${round(p95)} ms, max ${round(Math.max(...latencies))} ms.`);
  row(`${PAGES.toLocaleString("en")} pay pages, payment → page shows paid, ${engine}`, "not measured", "p95 < 1 s", `p95 ${round(p95)} ms (${seenAt.size}/${deposits.length} seen)`, p95 < 1000 && seenAt.size === deposits.length);
}

async function benchDelivery(engine, receiver, workers) {
  const db = await createDatabase(engine);
  try {
    const env = { ...baseEnv, DATABASE_URL: db.url, WEBHOOK_POLL_MS: "100", WORKER_INTERVAL_SECONDS: "60" };
    tsx(["scripts/migrate.ts"], env);
    const procs = [];
    for (let i = 0; i < workers; i++) procs.push(await startProcess(`${engine}-worker-${workers}-${i}`, bin("tsx"), ["server/jobs/worker.ts"], env, /started/));
    receiver.reset();
    const { committedAt } = lastJson(tsx(["bench/tasks.ts", "enqueue", String(CALLBACKS), receiver.url, "10"], env));
    const deadline = Date.now() + 120_000;
    while (receiver.stats().distinct < CALLBACKS && Date.now() < deadline) await sleep(50);
    await sleep(1000); // late duplicates, if any
    const { distinct, duplicates, last } = receiver.stats();
    await Promise.all(procs.map(stopProcess));
    const rate = distinct / Math.max(0.001, (last - committedAt) / 1000);
    const perWorker = rate / workers;
    const goal = workers === 1 ? 500 : 1000;
    notes.push(`${engine} delivery, ${workers} worker(s): ${distinct}/${CALLBACKS} distinct webhook-ids, ${duplicates} duplicates, ${round((last - committedAt) / 1000, 1)} s from the enqueue's commit to the last arrival (10 merchants with one endpoint each; WEBHOOK_POLL_MS=100, other delivery settings at their defaults).`);
    row(
      `callbacks delivered, ${workers} worker process${workers > 1 ? "es" : ""}, ${engine}`,
      engine === "sqlite" ? "250/s" : "222/s",
      engine === "sqlite" ? "(goal is on PostgreSQL) exactly once" : workers === 1 ? "≥ 500/s per worker, exactly once" : "≥ 1,000/s, exactly once",
      `${round(rate)}/s${workers > 1 ? ` (${round(perWorker)}/s per worker)` : ""}; ${distinct}/${CALLBACKS} delivered, ${duplicates} twice`,
      engine === "sqlite" ? (distinct === CALLBACKS && duplicates === 0 ? rate >= 500 : false) : rate >= goal && distinct === CALLBACKS && duplicates === 0,
    );
  } finally {
    await db.drop();
  }
}

async function benchLists(engine) {
  // The list row reads a large ledger: the set `npm run bench:seed` made when it is there (migrated
  // to the current schema first), else a fresh one of BENCH_LIST_ROWS entries made now.
  let db;
  let made = false;
  const seeded = engine === "sqlite" ? path.join(root, "data", "bench-million.db") : null;
  if (engine === "sqlite" && existsSync(seeded) && !process.env.BENCH_LIST_FRESH) db = { url: `file:${seeded}`, drop: async () => {} };
  else if (engine === "postgres" && !process.env.BENCH_LIST_FRESH && (await pgDatabaseExists("saldo_bench_million"))) {
    const url = new URL(adminUrl);
    url.pathname = "/saldo_bench_million";
    db = { url: url.toString(), drop: async () => {} };
  } else {
    db = await createDatabase(engine);
    made = true;
  }
  try {
    const env = { ...baseEnv, DATABASE_URL: db.url };
    tsx(["scripts/migrate.ts"], env);
    if (made) {
      log(`${engine}: seeding ${LIST_ROWS.toLocaleString("en")} ledger entries (bench/seed-million.ts)`);
      tsx(["-e", `import("./bench/seed-million.ts").then(m => m.seedLedger(${JSON.stringify(db.url)}, ${LIST_ROWS})).then(s => console.log(JSON.stringify(s)))`], env);
    }
    const result = lastJson(tsx(["bench/tasks.ts", "lists", "bench_m0", "20"], env));
    const worst = result.results.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    notes.push(`${engine} lists (${result.entries.toLocaleString("en")} ledger entries; the big merchant has ${result.bigMerchantWalletEntries.toLocaleString("en")} wallet entries; ${made ? "seeded in this run" : "the npm run bench:seed set"}), server time in ms, 20 calls each in-process:\n${result.results.map((r) => `  - ${r.what}: p50 ${r.p50}, p95 ${r.p95}`).join("\n")}`);
    row(`wallet history / statement / admin lists, ${result.entries.toLocaleString("en")} ledger rows, ${engine}`, "not measured", "server time p95 < 200 ms", `worst p95 ${worst.p95} ms (${worst.what})`, worst.p95 < 200);
  } finally {
    if (made) await db.drop();
  }
}

async function pgDatabaseExists(name) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  await c.end();
  return rowCount > 0;
}

// ---------------------------------------------------------------- the run

async function versions() {
  const nextVersion = JSON.parse(readFileSync(path.join(root, "node_modules", "next", "package.json"), "utf8")).version;
  const sqliteVersion = tsx(["-e", "import Database from 'better-sqlite3'; console.log(new Database(':memory:').prepare('select sqlite_version() v').get().v)"], baseEnv).trim();
  let pgVersion = "not run";
  if (engines.includes("postgres")) {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    pgVersion = (await c.query("SHOW server_version")).rows[0].server_version;
    await c.end();
  }
  return { nextVersion, sqliteVersion, pgVersion };
}

async function main() {
  const feed = wants("feed");
  if (process.env.BENCH_SKIP_BUILD !== "1" && (wants("balance") || wants("ingest") || feed)) {
    log(`building the app into ${distDir} and the baseline into bench/baseline/.next`);
    execFileSync(bin("next"), ["build"], { env: { ...baseEnv, NODE_ENV: "production" }, cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    if (wants("balance")) execFileSync(bin("next"), ["build", "bench/baseline"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: "" }, cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  }
  const receiver = wants("delivery") ? await startReceiver(PORT + 8) : null;
  let baseline = null;
  if (wants("balance")) {
    baseline = { url: `http://127.0.0.1:${PORT + 9}`, child: await startProcess("baseline", bin("next"), ["start", "bench/baseline", "-p", String(PORT + 9)], { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: "" }) };
  }
  for (const engine of engines) {
    const appCount = engine === "postgres" ? 2 : 1;
    if (wants("balance") || wants("ingest") || feed) {
      const db = await createDatabase(engine);
      const env = { ...baseEnv, DATABASE_URL: db.url };
      let apps = [];
      try {
        tsx(["scripts/migrate.ts"], env);
        tsx(["prisma/seed.ts"], env);
        const feedFile = path.join(work, `${engine}-watch.json`);
        if (feed) {
          log(`${engine}: creating ${2 * PAGES} pending invoices for the pay pages`);
          tsx(["bench/tasks.ts", "deposits", String(2 * PAGES), "20", feedFile], env);
        }
        const watchDeposits = feed ? JSON.parse(readFileSync(feedFile, "utf8")) : [];
        log(`${engine}: starting ${appCount} app process(es)`);
        apps = await startApps(engine, db.url, appCount);
        if (wants("balance")) await benchBalance(engine, apps, baseline.url);
        if (wants("ingest")) await benchIngest(engine, apps, env);
        if (feed) {
          if (engine === "postgres") await benchFeedQueries(engine, db, apps[0], watchDeposits.slice(PAGES), null);
          await benchFeedLatency(engine, apps, watchDeposits.slice(0, PAGES));
        }
        await Promise.all(apps.map((a) => stopProcess(a.child)));
        if (feed && engine === "sqlite") {
          // SQLite has no statement counter of its own: count the queries Prisma's driver adapter logs.
          apps = await startApps(engine, db.url, 1, { DEBUG: "prisma:driver-adapter:better-sqlite3" });
          await benchFeedQueries(engine, db, apps[0], watchDeposits.slice(PAGES), path.join(work, `${engine}-app-${PORT}-debug.log`));
        }
      } finally {
        await Promise.all(apps.map((a) => stopProcess(a.child)));
        await db.drop();
      }
    }
    if (wants("delivery")) {
      await benchDelivery(engine, receiver, 1);
      if (engine === "postgres") await benchDelivery(engine, receiver, 2);
    }
    if (wants("lists")) await benchLists(engine);
  }
  await stopAll();
  await receiver?.close();
  if (wants("batch")) benchBatchValidate();

  const { nextVersion, sqliteVersion, pgVersion } = await versions();
  const minutes = (Date.now() - started) / 60_000;
  const table = ["| what | today | goal | measured | met? |", "| --- | --- | --- | --- | --- |", ...rows.map((r) => `| ${r.what} | ${r.today} | ${r.goal} | ${r.measured} | ${r.met} |`)].join("\n");
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GB, load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`;
  const report = [
    `# npm run bench — results`,
    ``,
    `${new Date().toISOString()} · machine: ${machine} · node ${process.version} · Next.js ${nextVersion} · SQLite ${sqliteVersion} · PostgreSQL ${pgVersion} · run took ${minutes.toFixed(1)} min${process.env.BENCH_SKIP_BUILD === "1" ? " (build skipped)" : " (including the build)"}`,
    ``,
    `Load: autocannon ${IN_FLIGHT} connections, ${SECONDS} s after a 2 s warm-up; ${IN_FLIGHT} notifications in flight. API and public rate limits are raised for the run (RATE_LIMIT_API_PER_MINUTE, RATE_LIMIT_PUBLIC_PER_MINUTE and RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE = 100,000,000; no REDIS_URL) so they do not throttle it. The app runs as \`next start\` in production mode with the sandbox (as scripts/e2e-server.mjs runs it); PostgreSQL rows run 2 app processes, notifications spread round-robin.`,
    ``,
    table,
    ``,
    `## Details`,
    ``,
    ...notes.map((n) => `- ${n}`),
    ``,
  ].join("\n");
  writeFileSync(path.join(root, "bench", "results.md"), report);
  console.log(`\n${table}\n`);
  console.log(`Written to bench/results.md (run took ${minutes.toFixed(1)} min; logs in ${work}).`);
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
