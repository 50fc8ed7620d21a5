// In-process profile of notification ingestion, without HTTP or Next: the same route handler
// function the webhook route calls, `IN_FLIGHT` at a time, on the DATABASE_URL database
// (migrate it first). Prints notifications per second and CPU-ms per notification.
//   DATABASE_URL=file:./data/prof.db npx tsx scripts/migrate.ts
//   DATABASE_URL=file:./data/prof.db node --cpu-prof --import tsx bench/ingest-profile.ts 1000
import { createHmac, randomUUID } from "node:crypto";
import { registerMerchant } from "../server/auth/register-merchant";
import { createDeposit } from "../server/deposits/create-deposit";
import { env } from "../server/env";
import { handleProviderWebhook } from "../server/http/provider-webhooks";

const count = Number(process.argv[2] ?? 1000);
const IN_FLIGHT = Number(process.env.IN_FLIGHT ?? 20);
const merchants: string[] = [];
for (let i = 0; i < 20; i++) {
  merchants.push((await registerMerchant({ businessName: `Prof ${i}`, email: `prof-${randomUUID().slice(0, 8)}@saldo.test`, password: "prof-password-1" })).merchantId);
}
const deposits: { id: string; total: bigint }[] = [];
for (let i = 0; i < count; i++) {
  const d = await createDeposit({ merchantId: merchants[i % 20]!, method: "QRIS", channel: "invoice", amount: 10_000 + (i % 500) * 100, actor: { type: "SYSTEM", id: "prof" } });
  deposits.push({ id: d.id, total: d.total });
}
const requests = deposits.map((d, i) => {
  const body = JSON.stringify({ event_id: `prof_${i}_${d.id}`, reference: d.id, amount: Number(d.total), paid_at: new Date().toISOString() });
  const sig = createHmac("sha512", env.SANDBOX_WEBHOOK_SECRET).update(body, "utf8").digest("hex");
  return () => new Request("http://localhost/api/webhooks/sandbox", { method: "POST", body, headers: { "content-type": "application/json", "x-signature": sig } });
});
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let next = 0;
const statuses: Record<number, number> = {};
await Promise.all(
  Array.from({ length: IN_FLIGHT }, async () => {
    while (next < requests.length) {
      const res = await handleProviderWebhook("sandbox", requests[next++]!());
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
  }),
);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ count, seconds: +seconds.toFixed(2), perSecond: Math.round(count / seconds), cpuMsEach: +((cpu.user + cpu.system) / 1000 / count).toFixed(2), statuses }));
process.exit(0);
