// Provider clearing and fee revenue are sharded (server/ledger/accounts.ts): many concurrent
// credits, each notification sent three times at once, spread over the shards, credit each
// deposit once, and the invariant check stays clean — the shards summing to what one account held.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createMerchant, signedSandboxWebhook } from "../../tests/helpers/fixtures";
import { createDeposit } from "../deposits/create-deposit";
import { db, engine, transaction } from "../db";
import { handleProviderWebhook } from "../http/provider-webhooks";
import { ACCOUNT_TYPES, balanceOf, credit, SYSTEM_ACCOUNT_SHARDS, systemBalances, systemShardId, verifyInvariants } from ".";

const actor = { type: "SYSTEM" as const, id: "test" };

describe(`sharded clearing on ${engine}`, () => {
  it("picks a stable shard per key and spreads keys over every shard", () => {
    expect(systemShardId("providerClearing", "inv_abc")).toBe(systemShardId("providerClearing", "inv_abc"));
    expect(systemShardId("feeRevenue", "inv_abc")).toMatch(/^system:fee_revenue:\d{1,2}$/);
    const used = new Set(Array.from({ length: 400 }, (_, i) => systemShardId("providerClearing", `inv_${i}_${randomUUID()}`)));
    expect(used.size).toBe(SYSTEM_ACCOUNT_SHARDS);
  });

  it("60 deposits paid concurrently, each notification 3 times at once: credited once each, spread over shards, invariants clean", async () => {
    // Money already in the old, unsharded clearing account (postings made before sharding) stays valid.
    const legacy = await createMerchant("Toko Lama");
    await transaction((tx) => credit(tx, { merchantId: legacy.merchantId, amount: 40_000, idempotencyKey: `legacy:${randomUUID()}` }));

    const merchants = await Promise.all(Array.from({ length: 4 }, (_, i) => createMerchant(`Toko Shard ${i}`)));
    const deposits = [];
    for (let i = 0; i < 60; i++) {
      const { merchantId } = merchants[i % merchants.length]!;
      deposits.push({ merchantId, deposit: await createDeposit({ merchantId, method: "QRIS", channel: "invoice", amount: 10_000 + i * 1_000, actor }) });
    }
    const sends = deposits.flatMap(({ deposit }) => {
      const eventId = `evt-${randomUUID()}`;
      return Array.from({ length: 3 }, () => ({ deposit, eventId }));
    });
    const responses = await Promise.all(
      sends.map(async ({ deposit, eventId }) => {
        const res = await handleProviderWebhook(
          "sandbox",
          await signedSandboxWebhook({ event_id: eventId, reference: deposit.id, amount: Number(deposit.total), paid_at: new Date().toISOString() }),
        );
        return { status: res.status, body: (await res.json()) as { outcome: string; duplicate: boolean } };
      }),
    );
    expect(responses.every((r) => r.status === 200 && r.body.outcome === "credited")).toBe(true);
    expect(responses.filter((r) => !r.body.duplicate)).toHaveLength(60);

    // Each deposit credited once: one journal, one provider event, one callback each.
    expect(await db.ledgerJournal.count({ where: { idempotencyKey: { in: deposits.map(({ deposit }) => `deposit:${deposit.id}:paid`) } } })).toBe(60);
    expect(await db.providerEvent.count({ where: { depositId: { in: deposits.map(({ deposit }) => deposit.id) } } })).toBe(60);
    expect(await db.outboxEvent.count({ where: { merchantId: { in: merchants.map((m) => m.merchantId) }, type: "invoice.paid" } })).toBe(60);
    for (const m of merchants) {
      const expected = deposits.filter((d) => d.merchantId === m.merchantId).reduce((sum, d) => sum + d.deposit.creditAmount, 0n);
      expect((await balanceOf(db, m.merchantId)).available).toBe(expected);
    }

    // Spread: more than one clearing shard took credits; the shards (and the old account) sum to what payers sent.
    const shards = await db.ledgerAccount.findMany({ where: { type: ACCOUNT_TYPES.PROVIDER_CLEARING, code: { startsWith: "system:provider_clearing:" } } });
    expect(shards.length).toBeGreaterThan(4);
    for (const shard of shards) expect(shard.id).toBe(shard.code);
    const paidTotal = deposits.reduce((sum, d) => sum + d.deposit.total, 0n);
    const feeTotal = deposits.reduce((sum, d) => sum + (d.deposit.total - d.deposit.creditAmount), 0n);
    const totals = await systemBalances(db);
    expect(totals[ACCOUNT_TYPES.PROVIDER_CLEARING]!.balance).toBe(-(paidTotal + 40_000n));
    expect(totals[ACCOUNT_TYPES.FEE_REVENUE]!.balance).toBe(feeTotal);

    const check = await verifyInvariants(db);
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.systemBalances[ACCOUNT_TYPES.PROVIDER_CLEARING]!.balance).toBe(-(paidTotal + 40_000n));
  }, 180_000);
});
