// npm run secrets:rotate — seals every stored secret again under the current DATA_ENCRYPTION_KEY
// (legacy clear values, and values sealed under a key listed in DATA_ENCRYPTION_KEYS_OLD).
// Afterwards the old keys can be removed from DATA_ENCRYPTION_KEYS_OLD. Exits 1 when a value
// could not be opened (its key is missing from DATA_ENCRYPTION_KEYS_OLD).
import { db } from "../server/db";
import { resealPrepaidKeys } from "../server/prepaid/reseal-prepaid-keys";

const result = await resealPrepaidKeys();
await db.$disconnect();
console.log(`Prepaid keys: ${result.checked} checked, ${result.resealed} sealed again under the current key.`);
if (result.failed.length) {
  for (const f of result.failed) console.error(`✗ merchant ${f.merchantId}: ${f.reason}`);
  console.error(`${result.failed.length} value(s) could not be sealed again; keep the old keys until they are.`);
  process.exit(1);
}
