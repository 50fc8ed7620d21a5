// 0 PROCESS → 1 SUCCESS | 2 FAILED: the worker asks the supplier for the result of every order
// that is due and settles it in one transaction — a guarded update (WHERE status = 0), the hold
// posted to the prepaid supplier (success) or voided back to the merchant (failure), and the
// prepaid.success / prepaid.failed callback in the outbox. A second worker settling the same
// order finds it no longer in PROCESS and changes nothing.
import { recordAudit } from "../audit";
import { db, type PrepaidOrder, transaction, type Tx } from "../db";
import { prepaidEnv } from "../env";
import { balanceOf, postHold, voidHold } from "../ledger";
import { prepaidSupplier } from "../providers";
import type { SupplierOutcome } from "../providers/types";
import { alertOnLowBalances } from "../treasury/low-balance";
import { enqueueEvent } from "../webhooks/outbox";
import { orderData } from "./order-view";
import { ORDER_STATUS, RESPONSE_CODES } from "./response-codes";

/** How often the worker sweeps for due orders (PREPAID_POLL_MS, default 1000). */
export const PREPAID_POLL_MS = prepaidEnv.PREPAID_POLL_MS;

type Settled = Exclude<SupplierOutcome, { status: "pending" }>;

/**
 * Where a successful order's price goes: to the prepaid supplier, except the margin over what the
 * supplier says it charged (`cost`), which is Saldo's fee revenue. Without a cost (the sandbox), or
 * with a cost above the price (sold at a loss: logged), all of it goes to the supplier account.
 */
function successPostings(order: PrepaidOrder, cost: bigint | undefined) {
  if (cost !== undefined && cost > order.price) {
    console.error(`[prepaid] order ${order.trId} (${order.productCode}): the supplier charged ${cost}, above the sell price ${order.price}`);
  }
  if (cost === undefined || cost <= 0n || cost >= order.price) return [{ account: "prepaidSupplier" as const, amount: order.price }];
  return [
    { account: "prepaidSupplier" as const, amount: cost },
    { account: "feeRevenue" as const, amount: order.price - cost },
  ];
}

/**
 * Settles one order if it is still in PROCESS; returns the settled order, or null when someone
 * else did. The worker and the supplier's callback both settle through here. A failure the
 * supplier marks as Saldo's own problem (`alert`) is also written to the audit log for admins.
 */
export async function settlePrepaidOrder(tx: Tx, order: PrepaidOrder, outcome: Settled, now = new Date(), actor = "worker"): Promise<PrepaidOrder | null> {
  const success = outcome.status === "success";
  const code = success ? RESPONSE_CODES.SUCCESS : RESPONSE_CODES.FAILED;
  const { count } = await tx.prepaidOrder.updateMany({
    where: { trId: order.trId, status: ORDER_STATUS.PROCESS },
    data: {
      status: success ? ORDER_STATUS.SUCCESS : ORDER_STATUS.FAILED,
      rc: code.rc,
      message: code.message,
      sn: success ? outcome.sn : null,
      failureReason: success ? null : outcome.reason,
      completedAt: now,
    },
  });
  if (count === 0) return null;
  const settled = await tx.prepaidOrder.findUniqueOrThrow({ where: { trId: order.trId } });
  if (settled.holdId) {
    const { changedWallets } = success
      ? await postHold(tx, { holdId: settled.holdId, to: successPostings(settled, outcome.cost), description: `Prabayar ${settled.productCode} ${settled.customerId}`, actor })
      : await voidHold(tx, { holdId: settled.holdId, description: `Prabayar gagal ${settled.productCode} ${settled.customerId}`, actor });
    await alertOnLowBalances(tx, changedWallets);
  }
  if (outcome.status === "failed" && outcome.alert) {
    await recordAudit(tx, {
      actor: { type: "PROVIDER", id: prepaidSupplier().name },
      action: "prepaid.supplier_alert",
      targetType: "prepaid_order",
      targetId: String(settled.trId),
      metadata: { alert: outcome.alert, merchantId: settled.merchantId, refId: settled.refId, productCode: settled.productCode },
    });
  }
  const { available } = await balanceOf(tx, settled.merchantId);
  await enqueueEvent(tx, { merchantId: settled.merchantId, type: success ? "prepaid.success" : "prepaid.failed", data: orderData(settled, available) });
  return settled;
}

/** The worker's sweep: asks the supplier about every due order and settles those it has an answer for. */
export async function completeDuePrepaidOrders(now = new Date(), batch = 100): Promise<number> {
  const due = await db.prepaidOrder.findMany({
    where: { status: ORDER_STATUS.PROCESS, completeAfter: { lte: now } },
    orderBy: { completeAfter: "asc" },
    take: batch,
  });
  if (due.length === 0) return 0;
  const products = await db.prepaidProduct.findMany({ where: { code: { in: [...new Set(due.map((o) => o.productCode))] } }, select: { code: true, type: true } });
  const typeOf = new Map(products.map((p) => [p.code, p.type]));
  const supplier = prepaidSupplier();
  let settled = 0;
  for (const order of due) {
    try {
      const outcome = await supplier.result({ ...order, productType: typeOf.get(order.productCode) ?? "" });
      if (outcome.status === "pending") {
        await transaction((tx) => tx.prepaidOrder.updateMany({ where: { trId: order.trId, status: ORDER_STATUS.PROCESS }, data: { completeAfter: outcome.checkAfter } }));
        continue;
      }
      if (await transaction((tx) => settlePrepaidOrder(tx, order, outcome))) settled++;
    } catch (error) {
      // One order's trouble must not hold up the others; it is retried on the next sweep.
      console.error(`[prepaid] settling order ${order.trId} failed:`, error);
    }
  }
  return settled;
}
