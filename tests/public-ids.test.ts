// Issue 13, item 9 — unguessable public ids: the pay page, the QR images and the live status feed
// answer anyone who knows a deposit's id, so the id is 130 random bits (`inv_` + 26 base32
// characters), not a cuid (mostly a timestamp, a counter and a host fingerprint). The
// payer's view carries only what paying needs. Ids of deposits made before stay valid.
import type { Session } from "next-auth";
import { describe, expect, it } from "vitest";
import { createMerchant } from "./helpers/fixtures";
import { db, engine, transaction } from "@/server/db";
import { createDeposit } from "@/server/deposits/create-deposit";
import { DEPOSIT_ID_PATTERN, EXAMPLE_DEPOSIT_ID, newDepositId } from "@/server/deposits/deposit-id";
import { depositQrImage } from "@/server/deposits/qr-image";
import { depositId as depositIdInput } from "@/server/deposits/schemas";
import { watchDepositStatus } from "@/server/deposits/watch-deposit";
import { createCaller } from "@/server/trpc/root";

const actor = { type: "SYSTEM" as const };
const ID = /^inv_[0-9a-hjkmnp-tv-z]{26}$/; // Crockford base32, lower case: no i, l, o, u
const publicCaller = () => createCaller({ session: null, ip: "198.51.100.9" });

/** Exactly what a payer may see: how much, how, until when, to whom, and whether it is paid. */
const PAYER_FIELDS = ["bank", "billerCode", "expiredAt", "id", "merchantName", "method", "paidAt", "qrisPayload", "simulatable", "status", "total", "vaNumber"];

describe(`13.9 unguessable public ids on ${engine}`, () => {
  it("13.9 every way a deposit is opened (ticket, VA, QRIS invoice, direct debit) gets an inv_ id of 26 base32 characters", async () => {
    const { merchantId } = await createMerchant();
    const made = [
      await createDeposit({ merchantId, method: "BANK_TRANSFER", amount: 50_000, actor }),
      await createDeposit({ merchantId, method: "VA_BNI", amount: 50_000, actor }),
      await createDeposit({ merchantId, method: "VA_MANDIRI", amount: 60_000, actor }),
      await createDeposit({ merchantId, method: "QRIS", channel: "invoice", amount: 10_000, actor }),
      await createDeposit({
        merchantId,
        method: "DIRECT_DEBIT",
        amount: 75_000,
        actor,
        directDebit: { mandateId: `mandate-${Date.now()}`, provider: { name: "sandbox", debitReference: (m) => `sbx_dd_${m}` } },
      }),
    ];
    for (const deposit of made) expect(deposit.id, deposit.method).toMatch(ID);
    expect(new Set(made.map((d) => d.id)).size).toBe(made.length);
    // Stored as made, and the pattern the code exports is the same one.
    expect(await db.deposit.count({ where: { id: { in: made.map((d) => d.id) } } })).toBe(made.length);
    for (const deposit of made) expect(deposit.id).toMatch(DEPOSIT_ID_PATTERN);
  });

  it("13.9 ids are distinct over many and use the whole alphabet in every position (no timestamp or counter part)", async () => {
    const ids = Array.from({ length: 20_000 }, () => newDepositId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(ID);
    // A cuid's leading characters are a timestamp, the same for ids made in the same moment; here
    // every one of the 26 positions varies over the 32 characters.
    for (let position = 4; position < 30; position++) {
      expect(new Set(ids.map((id) => id[position])).size, `position ${position}`).toBe(32);
    }
    // Concurrent creation (several app processes at once) collides no more than sequential.
    const { merchantId } = await createMerchant();
    const parallel = await Promise.all(Array.from({ length: 20 }, (_, i) => createDeposit({ merchantId, method: "QRIS", channel: "invoice", amount: 10_000 + i, actor })));
    expect(new Set(parallel.map((d) => d.id)).size).toBe(20);
    for (const deposit of parallel) expect(deposit.id).toMatch(ID);
  });

  it("13.9 the payer's view (deposits.forPayer) has exactly the fields paying needs, no merchant internals", async () => {
    const { merchantId } = await createMerchant("Warung Bayar");
    for (const method of ["QRIS", "VA_BNI", "BANK_TRANSFER"] as const) {
      const deposit = await createDeposit({ merchantId, method, channel: method === "QRIS" ? "invoice" : "topup", amount: 20_000, actor });
      const view = await publicCaller().deposits.forPayer({ id: deposit.id });
      expect(Object.keys(view).sort(), method).toEqual(PAYER_FIELDS);
      expect(view).toMatchObject({ id: deposit.id, method, status: "pending", total: deposit.total.toString(), merchantName: "Warung Bayar" });
      const text = JSON.stringify(view);
      expect(text).not.toContain(merchantId);
      for (const internal of ["merchantId", "fee", "creditAmount", "uniqueCode", "provider", "openKey", "expiredReason", "statusChecks", "nextStatusCheckAt", "idempotencyKey", "channel"]) {
        expect(view, internal).not.toHaveProperty(internal);
      }
    }
    // The live feed says only the status.
    const deposit = await createDeposit({ merchantId, method: "VA_BRI", amount: 20_000, actor });
    const abort = new AbortController();
    const feed = watchDepositStatus(deposit.id, abort.signal);
    const first = await feed.next();
    abort.abort();
    expect(Object.keys(first.value ?? {}).sort()).toEqual(["id", "paidAt", "status"]);
  });

  it("13.9 a deposit made before the change keeps working by its cuid id: pay page, QR image, live feed, merchant view", async () => {
    const m = await createMerchant();
    const made = await createDeposit({ merchantId: m.merchantId, method: "QRIS", channel: "invoice", amount: 10_000, actor });
    const legacyId = `cm${Date.now().toString(36)}abc123def456`.slice(0, 25);
    await transaction((tx) => tx.deposit.update({ where: { id: made.id }, data: { id: legacyId } }));
    expect((await publicCaller().deposits.forPayer({ id: legacyId })).id).toBe(legacyId);
    expect((await depositQrImage(legacyId, "svg")).type).toContain("svg");
    const feed = watchDepositStatus(legacyId);
    expect((await feed.next()).value).toMatchObject({ id: legacyId, status: "pending" });
    await feed.return(undefined);
    const session = { user: { id: m.userId, email: m.email, name: "Toko", role: "MERCHANT", merchantId: m.merchantId, locale: "en" }, expires: new Date(Date.now() + 3600_000).toISOString() } as Session;
    expect((await createCaller({ session, ip: "198.51.100.10" }).deposits.get({ id: legacyId })).id).toBe(legacyId);
    // The REST id parameter takes both shapes; the documented example has the new one.
    expect(depositIdInput.safeParse(legacyId).success).toBe(true);
    expect(depositIdInput.safeParse(newDepositId()).success).toBe(true);
    expect(EXAMPLE_DEPOSIT_ID).toMatch(ID);
  });

  it("13.9 a string that is no deposit id (NUL, lone surrogate, path, too long) is not found on the public routes, never a 500", async () => {
    for (const bad of ["abc\u0000def", "\ud800", "\udfff\ud800", "../../etc/passwd", "inv_ abc", "x".repeat(65)]) {
      // tRPC refuses text with control characters or lone surrogates as bad input before the procedure runs.
      const refused = await publicCaller().deposits.forPayer({ id: bad.slice(0, 64) }).then(() => null, (e: { code?: string }) => e.code);
      expect(["NOT_FOUND", "BAD_REQUEST"], JSON.stringify(bad)).toContain(refused);
      await expect(depositQrImage(bad, "png"), JSON.stringify(bad)).rejects.toMatchObject({ code: "NOT_FOUND" });
      const feed = watchDepositStatus(bad);
      expect((await feed.next()).done).toBe(true);
      expect(depositIdInput.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("13.9 an id fits Midtrans' order_id (at most 50 letters, digits, - _ ~ .)", () => {
    for (let i = 0; i < 100; i++) expect(newDepositId()).toMatch(/^[A-Za-z0-9\-_~.]{1,50}$/);
  });
});
