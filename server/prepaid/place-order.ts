// Placing a prepaid order — the heart of top-up, shared by the API and the portal's buy form.
// One transaction: a repeated ref_id finds its order and buys nothing; otherwise the order row
// is inserted first (the unique (merchant, ref_id) index is where two racing requests meet:
// the loser's transaction is retried and finds the winner's order), then the price is reserved
// through a ledger hold. Not enough balance throws inside the transaction, so the order row
// rolls back with it.
//
// The first request with a ref_id binds it to its product and customer even when it is refused
// (unknown product, out of service, bad number, not enough balance): the refusal is kept as an
// order row with status 2 (FAILED), its rc and no hold. Seed 002 signs only the ref_id, so a
// captured sign must not buy anything else: a later request with that ref_id and another product
// or number is rc 201; the same request again answers the same refusal (a repeat is a status check).
import { actorLabel, recordAudit, type Actor } from "../audit";
import { db, type PrepaidOrder, transaction, type Tx } from "../db";
import { isAppError } from "../errors";
import { balanceOf, reserve } from "../ledger";
import { prepaidSupplier } from "../providers";
import { alertOnLowBalances } from "../treasury/low-balance";
import { checkCustomerId } from "./customer-id";
import { ORDER_STATUS, RESPONSE_CODES, responseCodeName, type ResponseCodeName } from "./response-codes";
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

/** The refusals that bind a ref_id: everything decided after the merchant was known. */
type BindingRefusal = "UNKNOWN_PRODUCT" | "OUT_OF_SERVICE" | "BAD_CUSTOMER" | "OPERATOR_MISMATCH" | "INSUFFICIENT";

/** Keeps a refused request as a FAILED order without a hold, so its ref_id stays bound to this product and customer. */
async function bindRefusal(tx: Tx, input: { merchantId: string; refId: string; productCode: string; customerId: string; price?: bigint; code: BindingRefusal }) {
  const { rc, message } = RESPONSE_CODES[input.code];
  const now = new Date();
  // A twin that bound the ref_id first makes this fail on the unique index; `transaction` retries
  // and the retry compares against the twin's row.
  await tx.prepaidOrder.create({
    data: {
      merchantId: input.merchantId,
      refId: input.refId,
      productCode: input.productCode,
      customerId: input.customerId,
      price: input.price ?? 0n,
      status: ORDER_STATUS.FAILED,
      rc,
      message,
      failureReason: `Ditolak saat permintaan / Refused at request: ${message}`,
      completeAfter: now,
      completedAt: now,
    },
  });
}

/** Whether a request asks for what the ref_id's order (or kept refusal) was bound to: the same product and customer. */
async function sameRequest(tx: Tx, existing: PrepaidOrder, productCode: string, rawCustomerId: string): Promise<boolean> {
  if (existing.productCode !== productCode) return false;
  const product = await tx.prepaidProduct.findUnique({ where: { code: existing.productCode } });
  const check = product ? checkCustomerId(product.type, product.operator, rawCustomerId) : null;
  // A refusal for a number that did not check out kept it as typed (trimmed).
  return check?.ok ? check.customerId === existing.customerId : rawCustomerId.trim() === existing.customerId;
}

export async function placePrepaidOrder(input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const productCode = input.productCode.trim();
  const refId = input.refId.trim();
  let price: bigint | undefined;
  let customerId = input.customerId.trim();
  try {
    return await transaction(async (tx): Promise<PlaceOrderResult> => {
      const merchant = await tx.merchant.findUnique({ where: { id: input.merchantId }, select: { status: true } });
      if (!merchant || merchant.status !== "ACTIVE") return { kind: "rejected", code: "CANNOT_AUTHENTICATE" };

      const existing = await tx.prepaidOrder.findUnique({ where: { merchantId_refId: { merchantId: input.merchantId, refId } } });
      if (existing) {
        const same = await sameRequest(tx, existing, productCode, input.customerId);
        const balance = (await balanceOf(tx, input.merchantId)).available;
        if (!same) return { kind: "rejected", code: "DUPLICATE_REF", balance };
        // A kept refusal (no hold was ever made): the same refusal again.
        const refusal = existing.holdId === null && existing.status === ORDER_STATUS.FAILED ? responseCodeName(existing.rc) : undefined;
        if (refusal) return { kind: "rejected", code: refusal, price: existing.price, balance };
        return { kind: "existing", order: existing, balance };
      }

      const refuse = async (code: BindingRefusal): Promise<PlaceOrderResult> => {
        await bindRefusal(tx, { merchantId: input.merchantId, refId, productCode, customerId, price, code });
        return { kind: "rejected", code, price, balance: (await balanceOf(tx, input.merchantId)).available };
      };
      const product = await tx.prepaidProduct.findUnique({ where: { code: productCode } });
      if (!product) return refuse("UNKNOWN_PRODUCT");
      price = product.price;
      // Switched off by an admin or by the supplier, or priced below the supplier's cost: rc 106.
      if (!isSellable(product)) return refuse("OUT_OF_SERVICE");
      const check = checkCustomerId(product.type, product.operator, input.customerId);
      if (!check.ok) return refuse(check.reason);
      customerId = check.customerId;

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
      // The order rolled back with the failed reservation: keep the refusal in a transaction of its
      // own, unless a twin bound the ref_id meanwhile — then answer as a repeat does.
      const bound = await transaction(async (tx) => {
        if (await tx.prepaidOrder.findUnique({ where: { merchantId_refId: { merchantId: input.merchantId, refId } }, select: { trId: true } })) return false;
        await bindRefusal(tx, { merchantId: input.merchantId, refId, productCode, customerId, price, code: "INSUFFICIENT" });
        return true;
      });
      if (!bound) return placePrepaidOrder(input);
      return { kind: "rejected", code: "INSUFFICIENT", price, balance: (await balanceOf(db, input.merchantId)).available };
    }
    throw error;
  }
}
