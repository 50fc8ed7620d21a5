// The one way money moves: a journal of entries that sum to zero, posted once per
// idempotency key. Every balance change below is a single guarded UPDATE, so a merchant
// account can never be driven below zero, whatever runs at the same time.
import { AppError } from "../errors";
import type { Tx } from "../db";
import { ACCOUNT_TYPES, mayGoNegative } from "./accounts";
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

/** Posts the journal once; `changedWallets` lists the merchants whose wallet it moved (none on a replay). */
export async function postJournal(tx: Tx, input: PostJournalInput) {
  if (!input.idempotencyKey) throw new AppError("VALIDATION", "A posting needs an idempotency key");
  const sum = input.lines.reduce((total, line) => total + toRupiah(line.amount), 0n);
  if (sum !== 0n) throw unbalanced(sum);
  const lines = normalise(input.lines);
  if (lines.length < 2) throw new AppError("VALIDATION", "A journal moves money between at least two accounts");

  const existing = await tx.ledgerJournal.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
    include: { entries: { orderBy: { id: "asc" } } },
  });
  if (existing) {
    if (!sameLines(existing.entries, lines)) {
      throw new AppError("CONFLICT", "Idempotency key was already used for a different posting");
    }
    return { journal: existing, replayed: true as const, changedWallets: [] as string[] };
  }

  const accounts = await tx.ledgerAccount.findMany({ where: { id: { in: lines.map((l) => l.accountId) } } });
  const typeOf = new Map(accounts.map((a) => [a.id, a.type]));

  const journal = await tx.ledgerJournal.create({
    data: {
      idempotencyKey: input.idempotencyKey,
      type: input.type,
      reference: input.reference,
      description: input.description,
      actor: input.actor,
    },
  });

  const entries = [];
  for (const line of lines) {
    const type = typeOf.get(line.accountId);
    if (!type) throw new AppError("NOT_FOUND", `Ledger account ${line.accountId} does not exist`);
    const guard = line.amount < 0n && !mayGoNegative(type) ? { balance: { gte: -line.amount } } : {};
    // Check and change in one statement: the row lock (PostgreSQL) or the write lock (SQLite)
    // makes a concurrent debit see this one's result before testing its own guard.
    const { count } = await tx.ledgerAccount.updateMany({
      where: { id: line.accountId, ...guard },
      data: { balance: { increment: line.amount } },
    });
    const after = await tx.ledgerAccount.findUniqueOrThrow({ where: { id: line.accountId }, select: { balance: true } });
    if (count === 0) throw insufficientFunds(after.balance, -line.amount);
    entries.push(
      await tx.ledgerEntry.create({
        data: { journalId: journal.id, accountId: line.accountId, amount: line.amount, balanceAfter: after.balance },
      }),
    );
  }
  // The caller reacts to these (treasury's low-balance alert) in this same transaction.
  const changedWallets = accounts.flatMap((a) => (a.type === ACCOUNT_TYPES.MERCHANT_WALLET && a.merchantId ? [a.merchantId] : []));
  return { journal: { ...journal, entries }, replayed: false as const, changedWallets };
}
