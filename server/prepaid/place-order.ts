// Placing a prepaid order — the heart of top-up, shared by the API and the portal's buy form.
// One transaction: a repeated ref_id finds its order and buys nothing; otherwise the order row
// is inserted first (the unique (merchant, ref_id) index is where two racing requests meet:
// the loser's transaction is retried and finds the winner's order), then the price is reserved
// through a ledger hold. Not enough balance throws inside the transaction, so the order row
// rolls back with it and the ref_id stays free.
import { actorLabel, recordAudit, type Actor } from "../audit";
import { db, type PrepaidOrder, transaction } from "../db";
import { isAppError } from "../errors";
import { balanceOf, reserve } from "../ledger";
import { prepaidSupplier } from "../providers";
import { alertOnLowBalances } from "../treasury/low-balance";
import { checkCustomerId } from "./customer-id";
import type { ResponseCodeName } from "./response-codes";
import { isSellable } from "./sellable";

export type PlaceOrderInput = {
  merchantId: string;
  refId: string;
  productCode: string;
  customerId: string;
  actor: Actor;
  /** Audit the purchase (portal purchases are; API top-ups are recorded by their order row). */
  audit?: boolean;
};

export type PlaceOrderResult =
  /** A new order: status 0 PROCESS, price reserved. */
  | { kind: "created"; order: PrepaidOrder; balance: bigint }
  /** The ref_id was used before with the same product and customer: that order, untouched. */
  | { kind: "existing"; order: PrepaidOrder; balance: bigint }
  /** Nothing was bought and nothing changed. */
  | { kind: "rejected"; code: ResponseCodeName; price?: bigint; balance?: bigint };

export async function placePrepaidOrder(input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const productCode = input.productCode.trim();
  const refId = input.refId.trim();
  let price: bigint | undefined;
  try {
    return await transaction(async (tx): Promise<PlaceOrderResult> => {
      const merchant = await tx.merchant.findUnique({ where: { id: input.merchantId }, select: { status: true } });
      if (!merchant || merchant.status !== "ACTIVE") return { kind: "rejected", code: "CANNOT_AUTHENTICATE" };

      const existing = await tx.prepaidOrder.findUnique({ where: { merchantId_refId: { merchantId: input.merchantId, refId } } });
      if (existing) {
        const product = await tx.prepaidProduct.findUnique({ where: { code: existing.productCode } });
        const check = product ? checkCustomerId(product.type, product.operator, input.customerId) : null;
        const same = existing.productCode === productCode && check?.ok === true && check.customerId === existing.customerId;
        const balance = (await balanceOf(tx, input.merchantId)).available;
        if (!same) return { kind: "rejected", code: "DUPLICATE_REF", balance };
        return { kind: "existing", order: existing, balance };
      }

      const product = await tx.prepaidProduct.findUnique({ where: { code: productCode } });
      if (!product) return { kind: "rejected", code: "UNKNOWN_PRODUCT", balance: (await balanceOf(tx, input.merchantId)).available };
      price = product.price;
      // Switched off by an admin or by the supplier, or priced below the supplier's cost: rc 106.
      if (!isSellable(product)) return { kind: "rejected", code: "OUT_OF_SERVICE", price, balance: (await balanceOf(tx, input.merchantId)).available };
      const check = checkCustomerId(product.type, product.operator, input.customerId);
      if (!check.ok) return { kind: "rejected", code: check.reason, price, balance: (await balanceOf(tx, input.merchantId)).available };

      const now = new Date();
      const created = await tx.prepaidOrder.create({
        data: { merchantId: input.merchantId, refId, productCode, customerId: check.customerId, price: product.price, completeAfter: now },
      });
      const ticket = prepaidSupplier().accept({ ...created, productType: product.type }, now);
      // Throws INSUFFICIENT_FUNDS (changing nothing) when the available balance is short.
      const { hold, changedWallets } = await reserve(tx, {
        merchantId: input.merchantId,
        amount: product.price,
        idempotencyKey: `prepaid:${created.trId}`,
        reference: refId,
        description: `${product.name} ${check.customerId}`,
        actor: actorLabel(input.actor),
      });
      await alertOnLowBalances(tx, changedWallets);
      const order = await tx.prepaidOrder.update({
        where: { trId: created.trId },
        data: { holdId: hold.id, supplierRef: ticket.supplierRef, completeAfter: ticket.checkAfter },
      });
      if (input.audit) {
        await recordAudit(tx, {
          actor: input.actor,
          action: "prepaid.buy",
          targetType: "prepaid_order",
          targetId: String(order.trId),
          merchantId: input.merchantId,
          metadata: { refId, productCode, customerId: order.customerId, price: order.price },
        });
      }
      return { kind: "created", order, balance: (await balanceOf(tx, input.merchantId)).available };
    });
  } catch (error) {
    if (isAppError(error) && error.code === "INSUFFICIENT_FUNDS") {
      return { kind: "rejected", code: "INSUFFICIENT", price, balance: (await balanceOf(db, input.merchantId)).available };
    }
    throw error;
  }
}
