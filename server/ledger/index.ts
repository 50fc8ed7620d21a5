// The ledger's public vocabulary. Every function that writes takes the caller's transaction
// (`tx`), so a business change and its money movement commit or roll back together.
export {
  openMerchantAccounts,
  systemAccount,
  systemShardId,
  settlementAccount,
  walletCode,
  holdCode,
  settlementCode,
  ACCOUNT_TYPES,
  SYSTEM_ACCOUNTS,
  SYSTEM_ACCOUNT_SHARDS,
} from "./accounts";
export type { SystemAccountName } from "./accounts";
export { MAX_AMOUNT, rupiah, toRupiah, positiveRupiah } from "./amount";
export { postJournal } from "./post-journal";
export type { JournalType, JournalLine, PostJournalInput } from "./post-journal";
export { credit, debit } from "./credit";
export { reserve, reserveMany, postHold, voidHold } from "./holds";
export { balanceOf, balancesOf, merchantBalance, walletHistory } from "./balances";
export { findJournalForMerchant } from "./find-journal";
export { verifyInvariants } from "./verify-invariants";
export { systemBalances } from "./system-balances";
