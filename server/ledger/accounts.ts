// The ledger's nouns. Each merchant has a wallet (available funds) and a hold account (funds
// reserved by pending withdrawals and purchases); the system accounts are the other side of
// every movement, so that each journal sums to zero.
import type { Tx } from "../db";

export const ACCOUNT_TYPES = {
  MERCHANT_WALLET: "MERCHANT_WALLET",
  MERCHANT_HOLD: "MERCHANT_HOLD",
  MERCHANT_SETTLEMENT: "MERCHANT_SETTLEMENT",
  PROVIDER_CLEARING: "PROVIDER_CLEARING",
  FEE_REVENUE: "FEE_REVENUE",
  PAYOUT_CLEARING: "PAYOUT_CLEARING",
  PREPAID_SUPPLIER: "PREPAID_SUPPLIER",
  ADJUSTMENT: "ADJUSTMENT",
} as const;
export type AccountType = (typeof ACCOUNT_TYPES)[keyof typeof ACCOUNT_TYPES];

// Merchant accounts hold the merchant's money and may never go below zero. System accounts
// mirror money outside the merchant's balance and do go negative (e.g. provider clearing
// is minus what payers have sent in).
const NON_NEGATIVE: ReadonlySet<string> = new Set([ACCOUNT_TYPES.MERCHANT_WALLET, ACCOUNT_TYPES.MERCHANT_HOLD, ACCOUNT_TYPES.MERCHANT_SETTLEMENT]);
export function mayGoNegative(type: string): boolean {
  return !NON_NEGATIVE.has(type);
}

export const SYSTEM_ACCOUNTS = {
  providerClearing: { code: "system:provider_clearing", type: ACCOUNT_TYPES.PROVIDER_CLEARING },
  feeRevenue: { code: "system:fee_revenue", type: ACCOUNT_TYPES.FEE_REVENUE },
  payoutClearing: { code: "system:payout_clearing", type: ACCOUNT_TYPES.PAYOUT_CLEARING },
  prepaidSupplier: { code: "system:prepaid_supplier", type: ACCOUNT_TYPES.PREPAID_SUPPLIER },
  adjustments: { code: "system:adjustments", type: ACCOUNT_TYPES.ADJUSTMENT },
} as const;
export type SystemAccountName = keyof typeof SYSTEM_ACCOUNTS;

/**
 * The system accounts every paid deposit moves (provider clearing, fee revenue) are split into
 * SYSTEM_ACCOUNT_SHARDS rows, `system:provider_clearing:<n>` …, so concurrent credits do not all
 * queue on one row lock (PostgreSQL). The shard is picked from the posting's business id (the
 * deposit id), so a retry lands on the same one. A shard's id is its code, so it needs no lookup;
 * it is created by its first posting. The account a system name had before sharding stays valid
 * (earlier postings stay there, and other journals still use it): a system balance is the sum over
 * every account of its type (`systemBalances`).
 */
export const SYSTEM_ACCOUNT_SHARDS = 16;
export type ShardedSystemAccount = "providerClearing" | "feeRevenue";

/** FNV-1a, 32 bits: a stable, well-spread shard number for a key. */
function shardOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SYSTEM_ACCOUNT_SHARDS;
}

/** The id (= code) of the shard of a system account that `shardKey` posts to. */
export function systemShardId(name: ShardedSystemAccount, shardKey: string): string {
  return `${SYSTEM_ACCOUNTS[name].code}:${shardOf(shardKey)}`;
}

const SHARD_ID = /^(system:provider_clearing|system:fee_revenue):(\d{1,2})$/;
/** A shard's code and type when `accountId` names one (post-journal creates it on first use). */
export function systemShardOf(accountId: string): { code: string; type: AccountType } | null {
  const match = SHARD_ID.exec(accountId);
  if (!match || Number(match[2]) >= SYSTEM_ACCOUNT_SHARDS) return null;
  return { code: accountId, type: match[1] === SYSTEM_ACCOUNTS.providerClearing.code ? ACCOUNT_TYPES.PROVIDER_CLEARING : ACCOUNT_TYPES.FEE_REVENUE };
}

/** The accounts whose balance may never go below zero (post-journal's guard). */
export const NON_NEGATIVE_TYPES: readonly string[] = [...NON_NEGATIVE];

export const walletCode = (merchantId: string) => `merchant:${merchantId}:wallet`;
export const holdCode = (merchantId: string) => `merchant:${merchantId}:hold`;
/** Incoming sales money not yet in the deposit (seed 001 "Incoming Balance"); swept into the wallet by rules. */
export const settlementCode = (merchantId: string) => `merchant:${merchantId}:settlement`;

/** The merchant's settlement account, opened on first use. */
export async function settlementAccount(tx: Tx, merchantId: string) {
  const code = settlementCode(merchantId);
  return tx.ledgerAccount.upsert({ where: { code }, create: { code, type: ACCOUNT_TYPES.MERCHANT_SETTLEMENT, merchantId }, update: {} });
}

/** Creates a merchant's wallet and hold accounts; called once, when the merchant is created. */
export async function openMerchantAccounts(tx: Tx, merchantId: string) {
  const wallet = await tx.ledgerAccount.create({
    data: { code: walletCode(merchantId), type: ACCOUNT_TYPES.MERCHANT_WALLET, merchantId },
  });
  const hold = await tx.ledgerAccount.create({
    data: { code: holdCode(merchantId), type: ACCOUNT_TYPES.MERCHANT_HOLD, merchantId },
  });
  return { wallet, hold };
}

/** A system account by name, created on first use (a race on creation is retried by `transaction`). */
export async function systemAccount(tx: Tx, name: SystemAccountName) {
  const { code, type } = SYSTEM_ACCOUNTS[name];
  return tx.ledgerAccount.upsert({ where: { code }, create: { code, type }, update: {} });
}

export async function merchantAccounts(tx: Tx, merchantId: string) {
  return merchantAccountsFor(tx, merchantId);
}

export async function merchantAccountsFor(tx: Tx, merchantId: string) {
  const accounts = await tx.ledgerAccount.findMany({
    where: { code: { in: [walletCode(merchantId), holdCode(merchantId)] } },
  });
  const wallet = accounts.find((a) => a.type === ACCOUNT_TYPES.MERCHANT_WALLET);
  const hold = accounts.find((a) => a.type === ACCOUNT_TYPES.MERCHANT_HOLD);
  if (!wallet || !hold) throw new Error(`Merchant ${merchantId} has no ledger accounts`);
  return { wallet, hold };
}
