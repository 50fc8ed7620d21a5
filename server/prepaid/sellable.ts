// Whether a product may be sold now. Three switches, each with its own owner:
// - `active`: Saldo's admin (the Products page);
// - `supplierActive`: the supplier's price list (a refresh; a product the supplier no longer lists
//   counts as inactive there);
// - the supplier's price: a product whose `supplierPrice` is above Saldo's sell `price` would be
//   sold at a loss, so it is refused until an admin raises the price (a refresh flags it).
// Anything not sellable is refused with rc 106 (PRODUCT IS TEMPORARILY OUT OF SERVICE), as IAK
// itself answers for a product that is off. Pure: shared by the API, the portal and the refresh.
export type ProductSwitches = { active: boolean; supplierActive: boolean; supplierPrice: bigint | null; price: bigint };

export type Sellability = "sellable" | "switched_off" | "supplier_inactive" | "below_cost";

export function sellability(product: ProductSwitches): Sellability {
  if (!product.active) return "switched_off";
  if (!product.supplierActive) return "supplier_inactive";
  if (product.supplierPrice !== null && product.supplierPrice > product.price) return "below_cost";
  return "sellable";
}

export function isSellable(product: ProductSwitches): boolean {
  return sellability(product) === "sellable";
}
