// The merchant's treasury settings page: the low-balance threshold, the settlement balance, the
// direct-debit mandates and the sweep rules.
import { db } from "../db";
import { settlementCode } from "../ledger";
import { listMandates } from "./list-mandates";
import { listSweepRules } from "./list-sweep-rules";

export async function treasuryOverview(merchantId: string) {
  const [merchant, settlement, mandates, rules] = await Promise.all([
    db.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { lowBalanceThreshold: true, lowBalanceAlerted: true } }),
    db.ledgerAccount.findUnique({ where: { code: settlementCode(merchantId) }, select: { balance: true } }),
    listMandates(merchantId),
    listSweepRules(merchantId),
  ]);
  return { threshold: merchant.lowBalanceThreshold, alerted: merchant.lowBalanceAlerted, settlementBalance: settlement?.balance ?? 0n, mandates, rules };
}
