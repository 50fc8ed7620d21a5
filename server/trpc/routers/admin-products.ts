import { z } from "zod";
import { PRODUCT_TYPES } from "../../prepaid/catalogue";
import { listProducts } from "../../prepaid/list-products";
import { updatePrepaidProduct } from "../../prepaid/update-product";
import { adminProcedure, router } from "../init";
import { pageInput } from "../pagination";

export const adminProductsRouter = router({
  /** Every product, active or not. */
  list: adminProcedure
    .input(
      pageInput.extend({
        type: z.enum(PRODUCT_TYPES).optional(),
        search: z.string().trim().max(64).optional(),
        active: z.boolean().optional(),
      }),
    )
    .query(({ input }) => listProducts(input)),
  update: adminProcedure
    .input(
      z
        .object({ code: z.string().trim().min(1).max(40), price: z.bigint().positive().max(1_000_000_000_000n).optional(), active: z.boolean().optional() })
        .refine((v) => v.price !== undefined || v.active !== undefined, { message: "Nothing to change" }),
    )
    .mutation(({ ctx, input }) => updatePrepaidProduct({ ...input, actor: { type: "USER", id: ctx.user.id } })),
});
