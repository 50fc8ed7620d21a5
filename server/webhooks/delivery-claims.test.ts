// Issue 13.16: a delivery that outlasts its claim is not sent twice, the worker refuses settings
// where the claim is shorter than a delivery, and one dead endpoint holds only its own slots.
import { execFile } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createMerchant } from "../../tests/helpers/fixtures";
import { startReceiver } from "../../tests/helpers/receiver";
import { db, engine, transaction } from "../db";
import { webhookEnv } from "../env";
import { deliveryTimingProblem, runDeliveries } from "./dispatch";
import { enqueueEvent } from "./outbox";
import { saveWebhookEndpoint } from "./save-webhook-endpoint";

const run = promisify(execFile);
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const actor = { type: "SYSTEM" as const };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const closers: (() => Promise<void>)[] = [];
const savedEnv = { ...webhookEnv };
afterEach(async () => {
  Object.assign(webhookEnv, savedEnv);
  while (closers.length) await closers.pop()!();
});

async function merchantWithEndpoint(url: string) {
  const m = await createMerchant();
  await saveWebhookEndpoint({ merchantId: m.merchantId, url, actor });
  return m.merchantId;
}

async function emit(merchantId: string, count: number) {
  return transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await enqueueEvent(tx, { merchantId, type: "invoice.paid", data: { n: i } })).id);
    return ids;
  });
}

/** An endpoint that accepts the connection and never answers (a hung receiver); counts requests open at once. */
async function deadEndpoint() {
  const open = new Set<ServerResponse>();
  let mostAtOnce = 0;
  let requests = 0;
  const server = createServer((_req: IncomingMessage, res: ServerResponse) => {
    requests++;
    open.add(res);
    mostAtOnce = Math.max(mostAtOnce, open.size);
    res.on("close", () => open.delete(res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  closers.push(close);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, stats: () => ({ requests, mostAtOnce, open: open.size }), close };
}

describe(`delivery claims on ${engine}`, () => {
  it("13.16 a receiver slower than the claim is not delivered twice by two workers", async () => {
    webhookEnv.WEBHOOK_CLAIM_SECONDS = 1;
    const slow = await startReceiver(() => ({ status: 200, body: "ok", delayMs: 2500 })); // < WEBHOOK_TIMEOUT_MS (3 s in tests)
    closers.push(slow.close);
    const merchantId = await merchantWithEndpoint(slow.url);
    const [id] = await emit(merchantId, 1);

    const first = runDeliveries("worker-a");
    await sleep(1200); // worker-a's original claim has lapsed by now
    let stolen = 0;
    let firstDone = false;
    void first.finally(() => (firstDone = true));
    while (!firstDone) {
      stolen += await runDeliveries("worker-b");
      await sleep(50);
    }
    await first;
    expect(slow.ids()).toEqual([id]);
    expect(stolen).toBe(0);
    expect(await db.deliveryAttempt.count({ where: { eventId: id } })).toBe(1);
    expect(await db.outboxEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "delivered", attempts: 1, lockedBy: null });
  });

  it("13.16 the worker refuses to start when WEBHOOK_CLAIM_SECONDS does not outlast WEBHOOK_TIMEOUT_MS", async () => {
    expect(deliveryTimingProblem({ WEBHOOK_CLAIM_SECONDS: 30, WEBHOOK_TIMEOUT_MS: 10_000 })).toBeNull();
    expect(deliveryTimingProblem({ WEBHOOK_CLAIM_SECONDS: 12, WEBHOOK_TIMEOUT_MS: 10_000 })).toMatch(/WEBHOOK_CLAIM_SECONDS=12 must outlast WEBHOOK_TIMEOUT_MS=10000/);
    const env = { ...process.env, WEBHOOK_CLAIM_SECONDS: "10", WEBHOOK_TIMEOUT_MS: "10000" };
    const started = run(tsx, [path.join(process.cwd(), "server", "jobs", "worker.ts")], { env, timeout: 30_000 });
    const failure = (await started.then(
      () => null,
      (error: unknown) => error,
    )) as { code?: number; killed?: boolean; stderr?: string } | null;
    expect(failure?.killed).toBe(false);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/refusing to start: WEBHOOK_CLAIM_SECONDS=10 must outlast WEBHOOK_TIMEOUT_MS=10000 by 5 s \(set WEBHOOK_CLAIM_SECONDS to 15 or more/);
  });

  it("13.16 one dead endpoint with many events does not delay another merchant's event beyond one round", async () => {
    const dead = await deadEndpoint();
    const alive = await startReceiver();
    closers.push(alive.close);
    const deadMerchant = await merchantWithEndpoint(dead.url);
    const aliveMerchant = await merchantWithEndpoint(alive.url);
    const deadIds = await emit(deadMerchant, 60); // more than a batch, all due before the other merchant's event
    const [aliveId] = await emit(aliveMerchant, 1);

    const started = Date.now();
    const worker = runDeliveries("worker-fair");
    // The dead endpoint's first attempts time out after WEBHOOK_TIMEOUT_MS; the live one must not wait for them.
    while (alive.received.length === 0 && Date.now() - started < webhookEnv.WEBHOOK_TIMEOUT_MS + 1000) await sleep(20);
    const deadAttemptsSoFar = await db.deliveryAttempt.count({ where: { eventId: { in: deadIds } } });
    const statsThen = dead.stats();

    // Stop the dead merchant's backlog, and let the worker finish.
    await transaction((tx) => tx.outboxEvent.updateMany({ where: { id: { in: deadIds }, lockedBy: null }, data: { status: "failed" } }));
    await dead.close();
    await worker;

    expect(alive.ids()).toEqual([aliveId]);
    expect(deadAttemptsSoFar).toBe(0); // delivered while the dead endpoint's first round was still hanging
    expect(statsThen.mostAtOnce).toBeLessThanOrEqual(webhookEnv.WEBHOOK_CONCURRENCY_PER_ENDPOINT);
    expect(statsThen.requests).toBeLessThanOrEqual(webhookEnv.WEBHOOK_CONCURRENCY_PER_ENDPOINT);
  });
});
