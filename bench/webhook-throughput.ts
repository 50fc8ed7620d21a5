// npm run bench — callback delivery throughput to a local receiver, in one worker process,
// on a fresh SQLite database (and PostgreSQL when TEST_POSTGRES_URL is set).
//   BENCH_EVENTS=2000 npm run bench
import { createTestDatabase } from "../tests/test-database";
import { startReceiver } from "../tests/helpers/receiver";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1000);
const engine = process.argv[2] ?? "sqlite";

process.env.SANDBOX = "1";
process.env.BCRYPT_COST = "4";
const database = await createTestDatabase(engine);
process.env.DATABASE_URL = database.url;

const { db, transaction } = await import("../server/db");
const { createMerchant } = await import("../tests/helpers/fixtures");
const { saveWebhookEndpoint } = await import("../server/webhooks/save-webhook-endpoint");
const { enqueueEvent } = await import("../server/webhooks/outbox");
const { runDeliveries } = await import("../server/webhooks/dispatch");

const receiver = await startReceiver(() => ({ status: 204 }));
const { merchantId } = await createMerchant("Bench");
await saveWebhookEndpoint({ merchantId, url: receiver.url, actor: { type: "SYSTEM" } });
await transaction(async (tx) => {
  for (let i = 0; i < EVENTS; i++) await enqueueEvent(tx, { merchantId, type: "invoice.paid", data: { invoice_id: `inv_${i}`, amount: 10_000, status: "Success" } });
});

const started = performance.now();
let delivered = 0;
while (delivered < EVENTS) {
  const n = await runDeliveries("bench", { maxBatches: 1000 });
  if (n === 0) break;
  delivered = await db.outboxEvent.count({ where: { status: "delivered" } });
}
const seconds = (performance.now() - started) / 1000;
console.log(`${engine}: delivered ${delivered}/${EVENTS} events in ${seconds.toFixed(2)} s → ${Math.round(delivered / seconds)} events/s (one worker, concurrency ${process.env.WEBHOOK_CONCURRENCY ?? 10}, ${process.env.WEBHOOK_CONCURRENCY_PER_ENDPOINT ?? 2} per endpoint, one endpoint)`);

await receiver.close();
await db.$disconnect();
await database.drop();
