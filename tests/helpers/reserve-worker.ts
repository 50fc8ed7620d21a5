// A separate process that fires `count` concurrent reserves at one merchant and reports how
// many were accepted. Used to race several processes against one SQLite file.
import { transaction } from "../../server/db";
import { reserve } from "../../server/ledger";

const [merchantId, countArg, amountArg, tag] = process.argv.slice(2);
const count = Number(countArg);
const results = await Promise.allSettled(
  Array.from({ length: count }, (_, i) =>
    transaction((tx) => reserve(tx, { merchantId: merchantId!, amount: BigInt(amountArg!), idempotencyKey: `race:${tag}:${i}` })),
  ),
);
const accepted = results.filter((r) => r.status === "fulfilled").length;
const reasons = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: string }).code ?? String(r.reason)] : []));
process.stdout.write(JSON.stringify({ accepted, reasons }));
