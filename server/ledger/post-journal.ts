// The one way money moves: a journal of entries that sum to zero, posted once per
// idempotency key. Every balance change below is a single guarded UPDATE … RETURNING, so a
// merchant account can never be driven below zero, whatever runs at the same time. This is the
// hottest write path (every paid deposit), so it speaks SQL the two engines share (INSERT … ON
// CONFLICT, RETURNING) rather than reading before it writes.
import { randomBytes } from "node:crypto";
import { AppError } from "../errors";
import { Prisma, type Tx } from "../db";
import { ACCOUNT_TYPES, NON_NEGATIVE_TYPES, systemShardOf } from "./accounts";
import { toRupiah } from "./amount";
import { insufficientFunds, unbalanced } from "./errors";

export type JournalType = "DEPOSIT" | "HOLD_RESERVE" | "HOLD_POST" | "HOLD_VOID" | "ADJUSTMENT" | "TRANSFER" | "SETTLEMENT";
export type JournalLine = { accountId: string; amount: bigint };
export type PostJournalInput = {
  idempotencyKey: string;
  type: JournalType;
  lines: JournalLine[];
  reference?: string;
  description?: string;
  actor?: string;
};

/** Merges lines for the same account and orders them by account, so concurrent journals lock rows in one order. */
function normalise(lines: JournalLine[]): JournalLine[] {
  const byAccount = new Map<string, bigint>();
  for (const line of lines) {
    const amount = toRupiah(line.amount);
    byAccount.set(line.accountId, (byAccount.get(line.accountId) ?? 0n) + amount);
  }
  return [...byAccount.entries()]
    .filter(([, amount]) => amount !== 0n)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([accountId, amount]) => ({ accountId, amount }));
}

function sameLines(a: JournalLine[], b: JournalLine[]): boolean {
  const key = (lines: JournalLine[]) => normalise(lines).map((l) => `${l.accountId}:${l.amount}`).join("|");
  return key(a) === key(b);
}

export type PostedEntry = { journalId: string; accountId: string; amount: bigint; balanceAfter: bigint };
export type PostedJournal = {
  id: string;
  idempotencyKey: string;
  type: string;
  reference: string | null;
  description: string | null;
  actor: string | null;
  createdAt: Date;
  entries: PostedEntry[];
};

/** A journal id: time-ordered like the cuids Prisma makes for other rows, with 96 random bits. */
function newJournalId(now: Date): string {
  return `j${now.getTime().toString(36)}${randomBytes(12).toString("hex")}`;
}

type AccountAfter = { balance: bigint | number | string; type: string; merchantId: string | null };

/**
 * Applies one line in one statement and returns the account after it. A system account shard is
 * created by its first posting (an upsert); any other account is one guarded UPDATE: a merchant
 * account's balance may not go below zero, and the row lock (PostgreSQL) or the write lock
 * (SQLite) makes a concurrent debit see this one's result before testing its own guard.
 */
async function applyLine(tx: Tx, line: JournalLine, now: Date): Promise<AccountAfter> {
  const shard = systemShardOf(line.accountId);
  const rows = shard
    ? await tx.$queryRaw<AccountAfter[]>`INSERT INTO "LedgerAccount" ("id", "code", "type", "balance", "createdAt") VALUES (${line.accountId}, ${shard.code}, ${shard.type}, ${line.amount}, ${now})
        ON CONFLICT ("id") DO UPDATE SET "balance" = "LedgerAccount"."balance" + excluded."balance" RETURNING "balance", "type", "merchantId"`
    : await tx.$queryRaw<AccountAfter[]>`UPDATE "LedgerAccount" SET "balance" = "balance" + ${line.amount}
        WHERE "id" = ${line.accountId} AND ("balance" + ${line.amount} >= 0 OR "type" NOT IN (${Prisma.join([...NON_NEGATIVE_TYPES])}))
        RETURNING "balance", "type", "merchantId"`;
  if (rows[0]) return rows[0];
  const account = await tx.ledgerAccount.findUnique({ where: { id: line.accountId }, select: { balance: true } });
  if (!account) throw new AppError("NOT_FOUND", `Ledger account ${line.accountId} does not exist`);
  throw insufficientFunds(account.balance, -line.amount);
}

/**
 * Posts the journal once; `changedWallets` lists the merchants whose wallet it moved (none on a
 * replay). The idempotency key is claimed first, by an insert that does nothing when the key is
 * taken (a concurrent twin waits on the unique index until the first commits): a taken key is a
 * replay, answered with the first posting, or a CONFLICT when its lines differ. Then one statement
 * per account and one for all the entries.
 */
export async function postJournal(tx: Tx, input: PostJournalInput) {
  if (!input.idempotencyKey) throw new AppError("VALIDATION", "A posting needs an idempotency key");
  const sum = input.lines.reduce((total, line) => total + toRupiah(line.amount), 0n);
  if (sum !== 0n) throw unbalanced(sum);
  const lines = normalise(input.lines);
  if (lines.length < 2) throw new AppError("VALIDATION", "A journal moves money between at least two accounts");

  const now = new Date();
  const journal = {
    id: newJournalId(now),
    idempotencyKey: input.idempotencyKey,
    type: input.type,
    reference: input.reference ?? null,
    description: input.description ?? null,
    actor: input.actor ?? null,
    createdAt: now,
  };
  const claimed = await tx.$queryRaw<{ id: string }[]>`INSERT INTO "LedgerJournal" ("id", "idempotencyKey", "type", "reference", "description", "actor", "createdAt")
    VALUES (${journal.id}, ${journal.idempotencyKey}, ${journal.type}, ${journal.reference}, ${journal.description}, ${journal.actor}, ${now})
    ON CONFLICT ("idempotencyKey") DO NOTHING RETURNING "id"`;
  if (!claimed[0]) {
    const existing = await tx.ledgerJournal.findUniqueOrThrow({
      where: { idempotencyKey: input.idempotencyKey },
      include: { entries: { orderBy: { id: "asc" } } },
    });
    if (!sameLines(existing.entries, lines)) {
      throw new AppError("CONFLICT", "Idempotency key was already used for a different posting");
    }
    return { journal: existing as PostedJournal, replayed: true as const, changedWallets: [] as string[] };
  }

  const entries: PostedEntry[] = [];
  const changedWallets: string[] = [];
  for (const line of lines) {
    const after = await applyLine(tx, line, now);
    entries.push({ journalId: journal.id, accountId: line.accountId, amount: line.amount, balanceAfter: BigInt(after.balance) });
    // The caller reacts to these (treasury's low-balance alert) in this same transaction.
    if (after.type === ACCOUNT_TYPES.MERCHANT_WALLET && after.merchantId) changedWallets.push(after.merchantId);
  }
  await tx.ledgerEntry.createMany({ data: entries.map((entry) => ({ ...entry, createdAt: now })) });
  return { journal: { ...journal, entries } as PostedJournal, replayed: false as const, changedWallets };
}
