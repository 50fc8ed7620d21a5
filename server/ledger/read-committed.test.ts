// merchantBalance reads on a connection of its own (server/db.ts readCommitted): it must see
// committed balances only — never a transaction still open on Prisma's connection.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createMerchant, fund } from "../../tests/helpers/fixtures";
import { transaction } from "../db";
import { credit, merchantBalance } from "./index";

describe("merchantBalance (a committed read off Prisma)", () => {
  it("does not see a credit until its transaction commits, nor one that rolls back", async () => {
    const m = await createMerchant("Toko Baca");
    await fund(m.merchantId, 1_000);
    expect(await merchantBalance(m.merchantId)).toEqual({ available: 1_000n, held: 0n });

    let seenInside: bigint | undefined;
    await transaction(async (tx) => {
      await credit(tx, { merchantId: m.merchantId, amount: 500, idempotencyKey: `rc-${randomUUID()}`, reference: "read-committed" });
      seenInside = (await merchantBalance(m.merchantId)).available;
    });
    expect(seenInside).toBe(1_000n);
    expect((await merchantBalance(m.merchantId)).available).toBe(1_500n);

    await expect(
      transaction(async (tx) => {
        await credit(tx, { merchantId: m.merchantId, amount: 700, idempotencyKey: `rc-${randomUUID()}`, reference: "read-committed" });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await merchantBalance(m.merchantId)).available).toBe(1_500n);
  });
});
