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
