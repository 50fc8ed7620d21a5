// Issue 13, item 17 — reference lookup on PostgreSQL: a provider's payment names a VA number (or
// the deposit id, or its own reference). A VA number may be re-issued once its deposit closed, so
// the lookup must prefer the open deposit. `ORDER BY "openKey" DESC` did that on SQLite (NULLs sort
// low) but not on PostgreSQL, where NULLs come first in a descending order: the old, closed deposit
// won and a payment for the new one was filed as a late payment.
import { randomInt, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createMerchant } from "./helpers/fixtures";
import { db, engine, transaction } from "@/server/db";
import { findDepositByReference, recordProviderPayment } from "@/server/deposits/record-provider-payment";
import { balanceOf } from "@/server/ledger";

const vaNumber = () => `8808${String(randomInt(0, 1e9)).padStart(12, "0")}`;
const minutes = (n: number) => new Date(Date.now() + n * 60_000);
const depositId = () => `inv_${randomUUID().replace(/-/g, "").slice(0, 26)}`;

/** A VA deposit as create-deposit leaves it: open (openKey VA:<number>) or closed (openKey null). */
async function vaDeposit(merchantId: string, va: string, state: { open: boolean; createdAt: Date; providerRef?: string }) {
  return db.deposit.create({
    data: {
      id: depositId(),
      merchantId,
      method: "VA_BNI",
      amount: 50_000n,
      fee: 4_000n,
      total: 54_000n,
      creditAmount: 50_000n,
      provider: "sandbox",
      providerRef: state.providerRef ?? `sbx_va_${va}`,
      vaNumber: va,
      status: state.open ? "pending" : "expired",
      expiredReason: state.open ? null : "expired",
      openKey: state.open ? `VA:${va}` : null,
      expiredAt: state.open ? minutes(60) : minutes(-60),
      createdAt: state.createdAt,
    },
  });
}

describe(`13.17 reference lookup on ${engine}`, () => {
  it("13.17 a re-issued VA number resolves to the open deposit, not the older closed one", async () => {
    const { merchantId } = await createMerchant();
    const va = vaNumber();
    const closed = await vaDeposit(merchantId, va, { open: false, createdAt: minutes(-120) });
    const open = await vaDeposit(merchantId, va, { open: true, createdAt: minutes(-5) });
    expect((await transaction((tx) => findDepositByReference(tx, va)))?.id).toBe(open.id);
    // The provider's reference is shared the same way (the sandbox's is sbx_va_<number>).
    expect((await transaction((tx) => findDepositByReference(tx, `sbx_va_${va}`)))?.id).toBe(open.id);
    // The id still names exactly its own deposit, open or not.
    expect((await transaction((tx) => findDepositByReference(tx, closed.id)))?.id).toBe(closed.id);
  });

  it("13.17 the open deposit wins even when a closed one with the same VA number is newer", async () => {
    const { merchantId } = await createMerchant();
    const va = vaNumber();
    const open = await vaDeposit(merchantId, va, { open: true, createdAt: minutes(-30) });
    await vaDeposit(merchantId, va, { open: false, createdAt: minutes(-1) });
    expect((await transaction((tx) => findDepositByReference(tx, va)))?.id).toBe(open.id);
  });

  it("13.17 with no open deposit the newest closed one is found", async () => {
    const { merchantId } = await createMerchant();
    const va = vaNumber();
    await vaDeposit(merchantId, va, { open: false, createdAt: minutes(-300) });
    const newest = await vaDeposit(merchantId, va, { open: false, createdAt: minutes(-10) });
    await vaDeposit(merchantId, va, { open: false, createdAt: minutes(-100) });
    expect((await transaction((tx) => findDepositByReference(tx, va)))?.id).toBe(newest.id);
    expect(await transaction((tx) => findDepositByReference(tx, vaNumber()))).toBeNull();
  });

  it("13.17 a payment to a re-issued VA number credits the open deposit", async () => {
    const { merchantId } = await createMerchant();
    const va = vaNumber();
    const closed = await vaDeposit(merchantId, va, { open: false, createdAt: minutes(-120) });
    const open = await vaDeposit(merchantId, va, { open: true, createdAt: minutes(-5) });
    const result = await recordProviderPayment("sandbox", { eventId: `evt-${randomUUID()}`, reference: va, amount: 54_000n, paidAt: new Date() }, "{}");
    expect(result).toMatchObject({ outcome: "credited", depositId: open.id, duplicate: false });
    expect(await db.deposit.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({ status: "paid", openKey: null });
    expect(await db.deposit.findUniqueOrThrow({ where: { id: closed.id } })).toMatchObject({ status: "expired" });
    expect((await balanceOf(db, merchantId)).available).toBe(50_000n);
  });
});
