// Two-phase funds, in TigerBeetle's words: reserve (pending) → post, or → void.
// A hold's status only moves by a guarded update from PENDING, so a second approval, or a
// void after a post, changes nothing and says why.
import { AppError } from "../errors";
import { randomBytes } from "node:crypto";
import { Prisma, type Tx } from "../db";
import { merchantAccounts, systemAccount, type SystemAccountName } from "./accounts";
import { positiveRupiah } from "./amount";
import { postJournal } from "./post-journal";

export type ReserveInput = {
  merchantId: string;
  amount: bigint | number;
  idempotencyKey: string;
  reference?: string;
  description?: string;
  actor?: string;
};

/** Moves `amount` from the merchant's wallet into its hold account. Fails with INSUFFICIENT_FUNDS, changing nothing. */
export async function reserve(tx: Tx, input: ReserveInput) {
  const amount = positiveRupiah(input.amount);
  const existing = await tx.ledgerHold.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (existing) {
    if (existing.merchantId !== input.merchantId || existing.amount !== amount) {
      throw new AppError("CONFLICT", "Idempotency key was already used for a different reservation");
    }
    return { hold: existing, replayed: true as const, changedWallets: [] as string[] };
  }
  const { wallet, hold: holdAccount } = await merchantAccounts(tx, input.merchantId);
  const { journal, changedWallets } = await postJournal(tx, {
    idempotencyKey: `hold:${input.idempotencyKey}:reserve`,
    type: "HOLD_RESERVE",
    reference: input.reference,
    description: input.description,
    actor: input.actor,
    lines: [
      { accountId: wallet.id, amount: -amount },
      { accountId: holdAccount.id, amount },
    ],
  });
  const hold = await tx.ledgerHold.create({
    data: {
      idempotencyKey: input.idempotencyKey,
      merchantId: input.merchantId,
      amount,
      reference: input.reference,
      reserveJournalId: journal.id,
    },
  });
  return { hold, replayed: false as const, changedWallets };
}

export type ReserveManyInput = {
  merchantId: string;
  /** The whole reservation's key (a batch's id): a repeat finds the holds it made. */
  idempotencyKey: string;
  holds: { idempotencyKey: string; amount: bigint | number; reference?: string }[];
  reference?: string;
  description?: string;
  actor?: string;
};

/**
 * Reserves several holds at once (a batch payout's rows): ONE guarded debit of their total, so the
 * wallet covers all of them or none (INSUFFICIENT_FUNDS, changing nothing), and one journal; each
 * hold is its own row that is later posted or voided on its own, exactly as a hold from `reserve`.
 * Returns the holds in the order asked.
 */
export async function reserveMany(tx: Tx, input: ReserveManyInput) {
  if (input.holds.length === 0) throw new AppError("VALIDATION", "Nothing to reserve");
  const wanted = input.holds.map((h) => ({ ...h, amount: positiveRupiah(h.amount) }));
  if (new Set(wanted.map((h) => h.idempotencyKey)).size !== wanted.length) throw new AppError("VALIDATION", "Each hold needs its own idempotency key");
  const total = wanted.reduce((sum, h) => sum + h.amount, 0n);
  const { wallet, hold: holdAccount } = await merchantAccounts(tx, input.merchantId);
  const { journal, replayed, changedWallets } = await postJournal(tx, {
    idempotencyKey: `holds:${input.idempotencyKey}:reserve`,
    type: "HOLD_RESERVE",
    reference: input.reference,
    description: input.description,
    actor: input.actor,
    lines: [
      { accountId: wallet.id, amount: -total },
      { accountId: holdAccount.id, amount: total },
    ],
  });
  const keys = wanted.map((h) => h.idempotencyKey);
  if (!replayed) {
    // Multi-row INSERTs: Prisma's createMany costs seconds per thousand rows here; this is one
    // statement per 500 holds, in the SQL both engines share.
    const now = new Date();
    for (let i = 0; i < wanted.length; i += 500) {
      const values = wanted.slice(i, i + 500).map(
        (h) => Prisma.sql`(${`h${now.getTime().toString(36)}${randomBytes(10).toString("hex")}`}, ${h.idempotencyKey}, ${input.merchantId}, ${h.amount}, 'PENDING', ${h.reference ?? null}, ${journal.id}, ${now})`,
      );
      await tx.$executeRaw`INSERT INTO "LedgerHold" ("id", "idempotencyKey", "merchantId", "amount", "status", "reference", "reserveJournalId", "createdAt") VALUES ${Prisma.join(values)}`;
    }
  }
  const byKey = new Map<string, Awaited<ReturnType<typeof tx.ledgerHold.findMany>>[number]>();
  for (let i = 0; i < keys.length; i += 1000) {
    for (const h of await tx.ledgerHold.findMany({ where: { idempotencyKey: { in: keys.slice(i, i + 1000) } } })) byKey.set(h.idempotencyKey, h);
  }
  const holds = wanted.map((h) => {
    const found = byKey.get(h.idempotencyKey);
    if (!found || found.merchantId !== input.merchantId || found.amount !== h.amount) {
      throw new AppError("CONFLICT", "Idempotency key was already used for a different reservation");
    }
    return found;
  });
  return { holds, journalId: journal.id, replayed, changedWallets };
}

async function settle(tx: Tx, holdId: string, to: "POSTED" | "VOIDED") {
  const hold = await tx.ledgerHold.findUnique({ where: { id: holdId } });
  if (!hold) throw new AppError("NOT_FOUND", "Hold not found");
  const { count } = await tx.ledgerHold.updateMany({
    where: { id: holdId, status: "PENDING" },
    data: { status: to, settledAt: new Date() },
  });
  if (count === 0) {
    const current = await tx.ledgerHold.findUniqueOrThrow({ where: { id: holdId }, select: { status: true } });
    throw new AppError("INVALID_STATE", `Hold is already ${current.status.toLowerCase()}`, { status: current.status });
  }
  return hold;
}

export type PostHoldInput = {
  holdId: string;
  /** Where the held money goes; the amounts must add up to the hold's amount. */
  to: { account: SystemAccountName; amount: bigint | number }[];
  description?: string;
  actor?: string;
};

/** Completes a hold: the reserved money leaves the merchant for good (payout sent, product bought). Returns the hold with `changedWallets`. */
export async function postHold(tx: Tx, input: PostHoldInput) {
  const hold = await settle(tx, input.holdId, "POSTED");
  const destinations = await Promise.all(
    input.to.map(async (d) => ({ accountId: (await systemAccount(tx, d.account)).id, amount: positiveRupiah(d.amount) })),
  );
  const total = destinations.reduce((sum, d) => sum + d.amount, 0n);
  if (total !== hold.amount) {
    throw new AppError("VALIDATION", `Posting ${total} does not match the hold's ${hold.amount}`);
  }
  const { hold: holdAccount } = await merchantAccounts(tx, hold.merchantId);
  const { journal, changedWallets } = await postJournal(tx, {
    idempotencyKey: `hold:${hold.id}:settle`,
    type: "HOLD_POST",
    reference: hold.reference ?? undefined,
    description: input.description,
    actor: input.actor,
    lines: [{ accountId: holdAccount.id, amount: -hold.amount }, ...destinations],
  });
  const settled = await tx.ledgerHold.update({ where: { id: hold.id }, data: { settleJournalId: journal.id } });
  return { ...settled, changedWallets };
}

/** Cancels a hold: the reserved money returns to the merchant's available balance. Returns the hold with `changedWallets`. */
export async function voidHold(tx: Tx, input: { holdId: string; description?: string; actor?: string }) {
  const hold = await settle(tx, input.holdId, "VOIDED");
  const { wallet, hold: holdAccount } = await merchantAccounts(tx, hold.merchantId);
  const { journal, changedWallets } = await postJournal(tx, {
    idempotencyKey: `hold:${hold.id}:settle`,
    type: "HOLD_VOID",
    reference: hold.reference ?? undefined,
    description: input.description,
    actor: input.actor,
    lines: [
      { accountId: holdAccount.id, amount: -hold.amount },
      { accountId: wallet.id, amount: hold.amount },
    ],
  });
  const settled = await tx.ledgerHold.update({ where: { id: hold.id }, data: { settleJournalId: journal.id } });
  return { ...settled, changedWallets };
}
