// The background worker, a process of its own beside the web server (`npm run demo` starts
// both). Each job is idempotent and guarded in the database, so several workers may run.
import { db } from "../db";
import { expireDueDeposits } from "../deposits/expire-deposit";
import { env } from "../env";

type Job = { name: string; run: () => Promise<number> };

const JOBS: Job[] = [{ name: "expire-deposits", run: () => expireDueDeposits() }];

export async function runJobsOnce(): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  for (const job of JOBS) {
    try {
      results[job.name] = await job.run();
    } catch (error) {
      console.error(`[worker] ${job.name} failed:`, error);
      results[job.name] = -1;
    }
  }
  return results;
}

async function main() {
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  console.log(`[worker] started; every ${env.WORKER_INTERVAL_SECONDS}s: ${JOBS.map((j) => j.name).join(", ")}`);
  while (!stopping) {
    const results = await runJobsOnce();
    const done = Object.entries(results).filter(([, n]) => n !== 0);
    if (done.length) console.log(`[worker] ${done.map(([k, n]) => `${k}: ${n}`).join(", ")}`);
    for (let waited = 0; waited < env.WORKER_INTERVAL_SECONDS * 1000 && !stopping; waited += 250) await new Promise((r) => setTimeout(r, 250));
  }
  await db.$disconnect();
  console.log("[worker] stopped");
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
