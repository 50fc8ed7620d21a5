// npm run ledger:check — verifies the ledger's invariants on DATABASE_URL; exits 1 on any breach.
import { db } from "../server/db";
import { verifyInvariants } from "../server/ledger";

const result = await verifyInvariants(db);
await db.$disconnect();
if (!result.ok) {
  for (const problem of result.problems) console.error(`✗ ${problem}`);
  console.error(`Ledger check FAILED: ${result.problems.length} problem(s).`);
  process.exit(1);
}
console.log(`Ledger OK: ${result.checked.journals} journals balance, ${result.checked.accounts} account balances match their entries.`);
// System accounts by type, summed over their shards (provider clearing and fee revenue are split in SYSTEM_ACCOUNT_SHARDS rows).
for (const [type, { balance, accounts }] of Object.entries(result.systemBalances)) {
  if (accounts > 0) console.log(`  ${type}: ${balance} (${accounts} account${accounts === 1 ? "" : "s"})`);
}
