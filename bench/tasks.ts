// The in-process halves of `npm run bench` (bench/run.mjs runs them with tsx on the bench's
// database, DATABASE_URL): setting up data through the use cases, checking outcomes from the
// rows afterwards, and timing the list readers. Each command prints one JSON line on stdout.
//
//   tsx bench/tasks.ts deposits <count> <merchants> <file>   pending QRIS invoices → <file> (JSON [{id,total}])
//   tsx bench/tasks.ts verify-ingest <file>                  each paid once, one journal, one outbox event; ledger check
//   tsx bench/tasks.ts enqueue <count> <receiverUrl> <endpoints>  callbacks to deliver, in one transaction
//   tsx bench/tasks.ts lists <bigMerchantId> <samples>       p95 server time of the list readers
import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { registerMerchant } from "../server/auth/register-merchant";
import { db, transaction } from "../server/db";
import { createDeposit } from "../server/deposits/create-deposit";
import { verifyInvariants } from "../server/ledger/verify-invariants";
import { walletHistory } from "../server/ledger/balances";
import { listAuditLog } from "../server/merchants/list-audit-log";
import { listMerchants } from "../server/merchants/list-merchants";
import { walletStatement } from "../server/treasury/statements";
import { enqueueEvent } from "../server/webhooks/outbox";
import { saveWebhookEndpoint } from "../server/webhooks/save-webhook-endpoint";
import { listMerchantWithdrawals } from "../server/withdrawals/list-merchant-withdrawals";
import { listRecentlyDecided } from "../server/withdrawals/list-recently-decided";
import { listWithdrawalQueue } from "../server/withdrawals/list-withdrawal-queue";

const print = (value: unknown) => console.log(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));

async function newMerchants(count: number, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { merchantId } = await registerMerchant({ businessName: `Bench ${label} ${i + 1}`, email: `bench-${label}-${i}-${randomUUID().slice(0, 8)}@saldo.test`, password: "bench-password-1" });
    ids.push(merchantId);
  }
  return ids;
}

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

async function deposits(count: number, merchantCount: number, file: string) {
  const merchants = await newMerchants(merchantCount, "payer");
  const out: { id: string; total: string }[] = [];
  await pool(Array.from({ length: count }, (_, i) => i), 4, async (i) => {
    const deposit = await createDeposit({ merchantId: merchants[i % merchants.length]!, method: "QRIS", channel: "invoice", amount: 10_000 + (i % 500) * 100, actor: { type: "SYSTEM", id: "bench" } });
    out.push({ id: deposit.id, total: deposit.total.toString() });
  });
  writeFileSync(file, JSON.stringify(out));
  print({ created: out.length, merchants: merchants.length });
}

async function verifyIngest(file: string) {
  const wanted: { id: string }[] = JSON.parse(readFileSync(file, "utf8"));
  const ids = wanted.map((d) => d.id);
  const paid = new Set<string>();
  const journals = new Map<string, number>();
  const events = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const d of await db.deposit.findMany({ where: { id: { in: chunk } }, select: { id: true, status: true } })) if (d.status === "paid") paid.add(d.id);
    for (const j of await db.ledgerJournal.findMany({ where: { reference: { in: chunk }, type: "DEPOSIT" }, select: { reference: true } })) journals.set(j.reference!, (journals.get(j.reference!) ?? 0) + 1);
  }
  const wantedIds = new Set(ids);
  for (const e of await db.outboxEvent.findMany({ where: { type: { endsWith: ".paid" } }, select: { data: true } })) {
    const data = JSON.parse(e.data) as Record<string, unknown>;
    const id = [data.invoice_id, data.id, data.deposit_id].find((v): v is string => typeof v === "string" && wantedIds.has(v));
    if (id) events.set(id, (events.get(id) ?? 0) + 1);
  }
  const invariants = await verifyInvariants(db);
  print({
    deposits: ids.length,
    paid: paid.size,
    journalsOnce: ids.filter((id) => journals.get(id) === 1).length,
    journalsTwice: ids.filter((id) => (journals.get(id) ?? 0) > 1).length,
    eventsOnce: ids.filter((id) => events.get(id) === 1).length,
    eventsTwice: ids.filter((id) => (events.get(id) ?? 0) > 1).length,
    ledgerOk: invariants.ok,
    problems: invariants.problems.slice(0, 5),
  });
}

async function enqueue(count: number, receiverUrl: string, endpointCount: number) {
  const merchants = await newMerchants(endpointCount, "receiver");
  for (const [i, merchantId] of merchants.entries()) await saveWebhookEndpoint({ merchantId, url: `${receiverUrl}/m${i}`, actor: { type: "SYSTEM" } });
  await transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      await enqueueEvent(tx, { merchantId: merchants[i % merchants.length]!, type: "invoice.paid", data: { invoice_id: `inv_bench_${i}`, amount: 10_000, status: "Success" } });
    }
  });
  print({ enqueued: count, endpoints: merchants.length, committedAt: Date.now() });
}

/** p95 (and median) of `samples` timed calls of `read`, after one warm-up call. */
async function timeIt(label: string, samples: number, read: () => Promise<unknown>) {
  await read();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    await read();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { what: label, p50: Math.round(at(0.5) * 10) / 10, p95: Math.round(at(0.95) * 10) / 10 };
}

async function lists(bigMerchantId: string, samples: number) {
  const entries = await db.ledgerEntry.count();
  const wallet = await walletHistory(bigMerchantId, { page: 1, pageSize: 20 });
  // A cursor about half-way down the big merchant's history, as a client paging with nextCursor reaches it.
  const middle = await db.ledgerEntry.findFirst({
    where: { account: { code: `merchant:${bigMerchantId}:wallet` } },
    orderBy: { id: "asc" },
    skip: Math.floor(wallet.total / 2),
    select: { id: true },
  });
  // The deepest page the pager offers (totals are counted up to a cap: lib/capped-count.ts).
  const deepPage = wallet.totalPages;
  const month = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 7);
  const monthStart = `${month}-01`;
  const monthEnd = `${month}-28`;
  const firstStatement = await walletStatement(bigMerchantId, { from: monthStart, to: monthEnd }, { limit: 100 });
  const audit = await listAuditLog({ page: 1, pageSize: 20 });
  const results = [
    await timeIt("wallet history, page 1", samples, () => walletHistory(bigMerchantId, { page: 1, pageSize: 20 })),
    await timeIt(`wallet history, page ${deepPage} (the pager's last)`, samples, () => walletHistory(bigMerchantId, { page: deepPage, pageSize: 20 })),
    await timeIt("wallet history, cursor half-way", samples, () => walletHistory(bigMerchantId, { page: 1, pageSize: 20, cursor: String(middle?.id ?? 1) })),
    await timeIt("statement, a month, first 100 lines", samples, () => walletStatement(bigMerchantId, { from: monthStart, to: monthEnd }, { limit: 100 })),
    await timeIt("statement, a month, next 100 (cursor)", samples, () => walletStatement(bigMerchantId, { from: monthStart, to: monthEnd }, { limit: 100, cursor: firstStatement.nextCursor ?? undefined })),
    await timeIt("admin merchants, page 1", samples, () => listMerchants({ page: 1, pageSize: 20 })),
    await timeIt("admin merchants, last page", samples, () => listMerchants({ page: 100, pageSize: 20 })),
    await timeIt("admin merchants, search", samples, () => listMerchants({ page: 1, pageSize: 20, search: "Merchant 19" })),
    await timeIt("admin merchant ledger (history), page 1", samples, () => walletHistory(bigMerchantId, { page: 1, pageSize: 20 })),
    await timeIt("admin merchant withdrawals", samples, () => listMerchantWithdrawals("bench_m1", { page: 1, pageSize: 20 })),
    await timeIt("withdrawal desk queue, page 1", samples, () => listWithdrawalQueue({ page: 1, pageSize: 20 })),
    await timeIt("withdrawal desk, recently decided", samples, () => listRecentlyDecided(10)),
    await timeIt("audit log, page 1", samples, () => listAuditLog({ page: 1, pageSize: 20 })),
    await timeIt(`audit log, page ${audit.totalPages} (the pager's last)`, samples, () => listAuditLog({ page: audit.totalPages, pageSize: 20 })),
    await timeIt("audit log, one merchant, page 1", samples, () => listAuditLog({ page: 1, pageSize: 20, merchantId: bigMerchantId })),
    await timeIt("audit log, action prefix withdraw.", samples, () => listAuditLog({ page: 1, pageSize: 20, action: "withdraw." })),
  ];
  // The whole month at once, as the statement page and its CSV export read it today (up to 50,000 lines).
  const wholeMonth = await timeIt("statement, a whole month at once (page / CSV)", 3, () => walletStatement(bigMerchantId, { from: monthStart, to: monthEnd }));
  const bigWalletEntries = await db.ledgerEntry.count({ where: { account: { code: `merchant:${bigMerchantId}:wallet` } } });
  print({ entries, bigMerchantWalletEntries: bigWalletEntries, monthLines: (await walletStatement(bigMerchantId, { from: monthStart, to: monthEnd })).rows.length, results, wholeMonth });
}

const [command, ...args] = process.argv.slice(2);
const commands: Record<string, () => Promise<void>> = {
  deposits: () => deposits(Number(args[0]), Number(args[1] ?? 20), args[2]!),
  "verify-ingest": () => verifyIngest(args[0]!),
  enqueue: () => enqueue(Number(args[0]), args[1]!, Number(args[2] ?? 10)),
  lists: () => lists(args[0] ?? "bench_m0", Number(args[1] ?? 20)),
};
const run = commands[command ?? ""];
if (!run) {
  console.error(`unknown command ${command}; one of ${Object.keys(commands).join(", ")}`);
  process.exit(2);
}
run()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
