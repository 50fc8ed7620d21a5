// Rotation of DATA_ENCRYPTION_KEY (`npm run secrets:rotate`): every stored prepaid key that is
// not sealed under the current key — a legacy clear value, or one sealed under a key now in
// DATA_ENCRYPTION_KEYS_OLD — is opened and sealed again under the current key. Each row is a
// guarded update on the value read, so a key regenerated meanwhile is left as it is. Running it
// twice changes nothing the second time.
import { needsResealing } from "../crypto/data-encryption";
import { db } from "../db";
import { openPrepaidKey } from "./prepaid-credentials";

export type ResealResult = { checked: number; resealed: number; failed: { merchantId: string; reason: string }[] };

const BATCH = 200;

export async function resealPrepaidKeys(): Promise<ResealResult> {
  const result: ResealResult = { checked: 0, resealed: 0, failed: [] };
  let after: string | undefined;
  for (;;) {
    const rows = await db.merchant.findMany({
      where: { prepaidApiKey: { not: null }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, prepaidApiKey: true },
    });
    if (rows.length === 0) return result;
    for (const row of rows) {
      result.checked++;
      if (!row.prepaidApiKey || !needsResealing(row.prepaidApiKey)) continue;
      try {
        // openPrepaidKey seals an outdated value again, guarded by the value it read.
        await openPrepaidKey(row.id, row.prepaidApiKey);
        const now = await db.merchant.findUnique({ where: { id: row.id }, select: { prepaidApiKey: true } });
        if (now?.prepaidApiKey && needsResealing(now.prepaidApiKey)) throw new Error("the value changed or could not be written; run again");
        result.resealed++;
      } catch (error) {
        result.failed.push({ merchantId: row.id, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    after = rows.at(-1)!.id;
  }
}
