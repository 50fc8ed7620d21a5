// The supplier's callback (IAK's, at POST /api/webhooks/iak) names an order; it never decides it.
// IAK's callback sign covers only the ref_id, not the status or the sn, so the order is settled
// only on what the supplier's own status call answers — through the same guarded settlement as
// the worker's (exactly once: success posts the hold, failure voids it, the merchant's callback
// goes to the outbox). A repeated or stale callback finds the order settled, or still pending at
// the supplier, and changes nothing.
import { db, transaction } from "../db";
import { prepaidSupplier } from "../providers";
import { settlePrepaidOrder } from "./complete-orders";
import { ORDER_STATUS } from "./response-codes";

export type SupplierCallbackResult =
  /** No order of Saldo's carries this supplier reference. */
  | { outcome: "unknown_order" }
  /** Settled before (by the worker or an earlier callback): nothing changed. */
  | { outcome: "already_settled"; trId: number; status: number }
  /** The supplier's status call does not (yet) say success or failure: the worker keeps asking. */
  | { outcome: "pending"; trId: number; status: number }
  /** Settled now, on the supplier's status answer. */
  | { outcome: "settled"; trId: number; status: number };

export async function settleFromSupplierCallback(callback: { trId: number | null; supplierRef: string }): Promise<SupplierCallbackResult> {
  if (callback.trId === null) return { outcome: "unknown_order" };
  const order = await db.prepaidOrder.findUnique({ where: { trId: callback.trId } });
  if (!order || order.supplierRef !== callback.supplierRef) return { outcome: "unknown_order" };
  if (order.status !== ORDER_STATUS.PROCESS) return { outcome: "already_settled", trId: order.trId, status: order.status };

  const product = await db.prepaidProduct.findUnique({ where: { code: order.productCode }, select: { type: true } });
  const supplier = prepaidSupplier();
  const outcome = await supplier.status({ ...order, productType: product?.type ?? "" });
  if (outcome.status === "pending") return { outcome: "pending", trId: order.trId, status: order.status };

  const settled = await transaction((tx) => settlePrepaidOrder(tx, order, outcome, new Date(), `provider:${supplier.name}`));
  if (settled) return { outcome: "settled", trId: settled.trId, status: settled.status };
  const now = await db.prepaidOrder.findUniqueOrThrow({ where: { trId: order.trId }, select: { status: true } });
  return { outcome: "already_settled", trId: order.trId, status: now.status };
}
