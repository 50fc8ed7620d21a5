// A separate worker process for delivery tests: delivers until nothing is due (or forever with
// --forever), so tests can run two at once or kill one mid-batch.
import { runDeliveries } from "../../server/webhooks/dispatch";
import { db } from "../../server/db";

const forever = process.argv.includes("--forever");
const workerId = `test-worker-${process.pid}`;
let idle = 0;
while (forever || idle < 3) {
  const n = await runDeliveries(workerId);
  idle = n === 0 ? idle + 1 : 0;
  if (n === 0) await new Promise((r) => setTimeout(r, 100));
}
await db.$disconnect();
process.stdout.write("done\n");
