// Admin: the prepaid product catalogue — every product, active or not, its sell price and switch.
import { z } from "zod";
import { rupiah } from "../../ledger";
import { PRODUCT_TYPES } from "../../prepaid/catalogue";
import { listProducts } from "../../prepaid/list-products";
import { refreshPrepaidPricelist } from "../../prepaid/refresh-prepaid-pricelist";
import { updatePrepaidProduct } from "../../prepaid/update-product";
import { router, staffProcedure } from "../init";
import { pageInput } from "../../../lib/pagination";

export const productCatalogueRouter = router({
  list: staffProcedure("staff_view")
    .input(pageInput.extend({ type: z.enum(PRODUCT_TYPES).optional(), search: z.string().trim().max(64).optional(), active: z.boolean().optional() }))
    .query(({ input }) => listProducts(input)),
  update: staffProcedure("settings")
    .input(
      z
        .object({ code: z.string().trim().min(1).max(40), price: rupiah.optional(), active: z.boolean().optional() })
        .refine((v) => v.price !== undefined || v.active !== undefined, { message: "Nothing to change" }),
    )
    .mutation(({ ctx, input }) => updatePrepaidProduct({ ...input, actor: ctx.actor })),
  /** Records the supplier's prices and statuses, adds new products; sell prices stay. A no-op for the sandbox. */
  refreshFromSupplier: staffProcedure("settings").mutation(async ({ ctx }) => {
    const result = await refreshPrepaidPricelist({ actor: ctx.actor });
    if (!result.supported) return result;
    // Counts and the products an admin must look at; the full lists stay in the audit log.
    return { ...result, unlisted: result.unlisted.length, created: result.created.length, belowCost: result.belowCost.slice(0, 20), belowCostCount: result.belowCost.length };
  }),
});
