// The background worker, a process of its own beside the web server (`npm run demo` starts
// both). Every job is guarded in the database, so several workers may run at once.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { db } from "../db";
import { expireDueDeposits } from "../deposits/expire-deposit";
import { env, treasuryEnv, webhookEnv } from "../env";
import { completeDuePrepaidOrders, PREPAID_POLL_MS } from "../prepaid/complete-orders";
import { runAutoTopUps } from "../treasury/auto-top-up";
import { checkAllBalances } from "../treasury/settings";
import { runDueSweeps } from "../treasury/sweeps";
import { runDeliveries } from "../webhooks/dispatch";

export const WORKER_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

type Job = { name: string; everyMs: number; run: () => Promise<number> };

export const JOBS: Job[] = [
  { name: "deliver-callbacks", everyMs: webhookEnv.WEBHOOK_POLL_MS, run: () => runDeliveries(WORKER_ID) },
  { name: "expire-deposits", everyMs: env.WORKER_INTERVAL_SECONDS * 1000, run: () => expireDueDeposits() },
  { name: "complete-prepaid", everyMs: PREPAID_POLL_MS, run: () => completeDuePrepaidOrders() },
  { name: "check-balances", everyMs: treasuryEnv.BALANCE_CHECK_MINUTES * 60_000, run: () => checkAllBalances() },
  { name: "auto-top-up", everyMs: treasuryEnv.AUTO_TOPUP_POLL_MS, run: async () => (await runAutoTopUps()).filter((r) => r.outcome !== "already_open").length },
  { name: "sweeps", everyMs: treasuryEnv.SWEEP_POLL_MS, run: () => runDueSweeps() },
];

async function main() {
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  console.log(`[worker ${WORKER_ID}] started: ${JOBS.map((j) => `${j.name} every ${j.everyMs} ms`).join(", ")}`);
  await Promise.all(
    JOBS.map(async (job) => {
      while (!stopping) {
        try {
          const n = await job.run();
          if (n) console.log(`[worker] ${job.name}: ${n}`);
        } catch (error) {
          console.error(`[worker] ${job.name} failed:`, error);
        }
        for (let waited = 0; waited < job.everyMs && !stopping; waited += 100) await new Promise((r) => setTimeout(r, 100));
      }
    }),
  );
  await db.$disconnect();
  console.log("[worker] stopped");
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
