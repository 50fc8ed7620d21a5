// The background worker, a process of its own beside the web server (`npm run demo` starts
// both). Every job is guarded in the database, so several workers may run at once.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { purgeAccountRecords } from "../auth/purge-account-records";
import { db } from "../db";
import { refuseUnsafeProductionStart } from "../production-check";
import { checkDueChargeStatuses } from "../deposits/check-charge-statuses";
import { expireDueDeposits } from "../deposits/expire-deposit";
import { env, idempotencyEnv, mailEnv, payoutEnv, prepaidEnv, treasuryEnv, webhookEnv } from "../env";
import { purgeMail, sendPendingMail } from "../mail/send-pending-mail";
import { purgeIdempotencyRecords } from "../http/idempotency";
import { purgeRateLimitBuckets } from "../http/purge-rate-limit-buckets";
import { completeDuePrepaidOrders, PREPAID_POLL_MS } from "../prepaid/complete-orders";
import { refreshPrepaidPricelist } from "../prepaid/refresh-prepaid-pricelist";
import { runAutoTopUps } from "../treasury/auto-top-up";
import { checkAllBalances } from "../treasury/check-all-balances";
import { runDueSweeps } from "../treasury/run-due-sweeps";
import { checkFailingEndpoints } from "../webhooks/check-failing-endpoints";
import { deliveryTimingProblem, runDeliveries } from "../webhooks/dispatch";
import { purgeOutbox } from "../webhooks/purge-outbox";
import { reconcilePayouts } from "../withdrawals/reconcile-payouts";

export const WORKER_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

type Job = { name: string; everyMs: number; run: () => Promise<number> };

export const JOBS: Job[] = [
  { name: "deliver-callbacks", everyMs: webhookEnv.WEBHOOK_POLL_MS, run: () => runDeliveries(WORKER_ID) },
  // Deletes delivered/skipped callbacks (and their attempts) after OUTBOX_RETENTION_DAYS, failed ones after OUTBOX_FAILED_RETENTION_DAYS.
  { name: "purge-outbox", everyMs: webhookEnv.OUTBOX_PURGE_MINUTES * 60_000, run: () => purgeOutbox() },
  { name: "expire-deposits", everyMs: env.WORKER_INTERVAL_SECONDS * 1000, run: () => expireDueDeposits() },
  // Asks the payment provider's status API about charges whose notification may be lost (5, 15, 60 min, at expiry).
  { name: "check-charge-statuses", everyMs: env.WORKER_INTERVAL_SECONDS * 1000, run: () => checkDueChargeStatuses() },
  { name: "complete-prepaid", everyMs: PREPAID_POLL_MS, run: () => completeDuePrepaidOrders() },
  // A no-op (0) while the supplier has no price list (the sandbox).
  { name: "refresh-prepaid-pricelist", everyMs: prepaidEnv.PREPAID_PRICELIST_REFRESH_MINUTES * 60_000, run: () => refreshPrepaidPricelist({ actor: { type: "WORKER", id: WORKER_ID } }).then((r) => (r.supported ? r.listed : 0)) },
  { name: "check-balances", everyMs: treasuryEnv.BALANCE_CHECK_MINUTES * 60_000, run: () => checkAllBalances() },
  { name: "auto-top-up", everyMs: treasuryEnv.AUTO_TOPUP_POLL_MS, run: async () => (await runAutoTopUps()).filter((r) => r.outcome !== "already_open").length },
  { name: "sweeps", everyMs: treasuryEnv.SWEEP_POLL_MS, run: () => runDueSweeps() },
  // Asks the payout provider about payouts in flight or unknown for over a minute, and settles them.
  { name: "reconcile-payouts", everyMs: payoutEnv.PAYOUT_CHECK_POLL_MS, run: () => reconcilePayouts() },
  // Deletes Idempotency-Key records older than IDEMPOTENCY_RETENTION_HOURS (24).
  { name: "purge-idempotency", everyMs: idempotencyEnv.IDEMPOTENCY_PURGE_MINUTES * 60_000, run: () => purgeIdempotencyRecords() },
  // Sends queued mail over SMTP_URL (or keeps it for /dev/mailbox when unset), retrying failures.
  { name: "send-mail", everyMs: mailEnv.MAIL_POLL_MS, run: () => sendPendingMail() },
  // Mails a merchant whose callback endpoint has failed every delivery for an hour (once per failing spell).
  { name: "check-failing-endpoints", everyMs: 5 * 60_000, run: () => checkFailingEndpoints() },
  { name: "purge-mail", everyMs: 60 * 60_000, run: () => purgeMail() },
  // Deletes sign-in counters whose window ended over RATE_LIMIT_RETENTION_HOURS ago.
  { name: "purge-rate-limits", everyMs: 60 * 60_000, run: () => purgeRateLimitBuckets() },
  // Deletes closed sessions and sign-ins older than 90 days, and mailed links a day after expiry.
  { name: "purge-account-records", everyMs: 60 * 60_000, run: async () => Object.values(await purgeAccountRecords()).reduce((a, b) => a + b, 0) },
];

async function main() {
  refuseUnsafeProductionStart("worker");
  const timing = deliveryTimingProblem();
  if (timing) {
    console.error(`[worker] refusing to start: ${timing}`);
    process.exit(1);
  }
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
