// An admin changes a product's price or switches it off (an inactive product answers rc 106).
// Orders already placed keep the price they were placed at.
import { recordAudit, type Actor } from "../audit";
import { transaction } from "../db";
import { AppError } from "../errors";
import { positiveRupiah } from "../ledger";

export async function updatePrepaidProduct(input: { code: string; price?: bigint; active?: boolean; actor: Actor }) {
  const price = input.price === undefined ? undefined : positiveRupiah(input.price);
  return transaction(async (tx) => {
    const before = await tx.prepaidProduct.findUnique({ where: { code: input.code } });
    if (!before) throw new AppError("NOT_FOUND", "Produk tidak ditemukan / Product not found");
    const product = await tx.prepaidProduct.update({
      where: { code: input.code },
      data: { ...(price !== undefined ? { price } : {}), ...(input.active !== undefined ? { active: input.active } : {}) },
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: "prepaid.product_update",
      targetType: "prepaid_product",
      targetId: product.code,
      metadata: { price: { from: before.price, to: product.price }, active: { from: before.active, to: product.active } },
    });
    return product;
  });
}
