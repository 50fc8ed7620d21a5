import { z } from "zod";
import { buyPrepaidProduct } from "../../prepaid/buy-product";
import { PRODUCT_TYPES } from "../../prepaid/catalogue";
import { lookupPlnCustomer } from "../../prepaid/inquiry-pln";
import { findProducts, listProducts } from "../../prepaid/list-products";
import { listPrepaidOrders } from "../../prepaid/list-orders";
import { getPrepaidCredentials } from "../../prepaid/prepaid-credentials";
import { regeneratePrepaidKey } from "../../prepaid/regenerate-prepaid-key";
import { setPrepaidIpAllowlist } from "../../prepaid/set-prepaid-ip-allowlist";
import { setPrepaidUsername } from "../../prepaid/set-prepaid-username";
import { watchPrepaidOrders } from "../../prepaid/watch-orders";
import { memberProcedure, router } from "../init";
import { pageInput } from "../../../lib/pagination";

const catalogueFilter = z.object({
  type: z.enum(PRODUCT_TYPES).optional(),
  operator: z.string().trim().min(1).max(40).optional(),
  search: z.string().trim().max(64).optional(),
});

export const prepaidRouter = router({
  /** The price list: sellable products only (on, listed by the supplier, not below cost), a page at a time. */
  catalogue: memberProcedure("view").input(pageInput.extend(catalogueFilter.shape)).query(({ input }) => listProducts({ ...input, sellable: true })),
  /** Every sellable product, for the buy form's pickers. */
  buyable: memberProcedure("view").query(async () =>
    (await findProducts({ sellable: true })).map((p) => ({ code: p.code, type: p.type, operator: p.operator, name: p.name, nominal: p.nominal, price: p.price })),
  ),
  buy: memberProcedure("withdraw")
    .input(z.object({ productCode: z.string().trim().min(1).max(40), customerId: z.string().trim().min(1).max(40), clientRef: z.string().min(8).max(48) }))
    .mutation(({ ctx, input }) => buyPrepaidProduct({ merchantId: ctx.merchantId, ...input, actor: ctx.actor })),
  inquiryPln: memberProcedure("withdraw")
    .input(z.object({ customerId: z.string().trim().min(1).max(40) }))
    .mutation(async ({ input }) => ({ customer: await lookupPlnCustomer(input.customerId) })),
  orders: memberProcedure("view")
    .input(pageInput.extend({ status: z.number().int().min(0).max(2).optional() }))
    .query(({ ctx, input }) => listPrepaidOrders(ctx.merchantId, input)),
  /** Live status of the orders on screen that are still in PROCESS (server-sent events). */
  watch: memberProcedure("view")
    // tr_id is a 32-bit column: a larger number fails the query on PostgreSQL (a 500), so it is bad input here.
    .input(z.object({ trIds: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(100) }))
    .subscription(async function* ({ ctx, input, signal }) {
      yield* watchPrepaidOrders(ctx.merchantId, input.trIds, signal);
    }),
  credentials: memberProcedure("developer").query(({ ctx }) => getPrepaidCredentials(ctx.merchantId)),
  regenerateKey: memberProcedure("developer").mutation(({ ctx }) => regeneratePrepaidKey({ merchantId: ctx.merchantId, actor: ctx.actor })),
  setUsername: memberProcedure("developer")
    .input(z.object({ phone: z.string().trim().min(8).max(20) }))
    .mutation(({ ctx, input }) => setPrepaidUsername({ merchantId: ctx.merchantId, phone: input.phone, actor: ctx.actor })),
  /** Addresses the prepaid API accepts calls from (comma or space separated); empty = any. */
  setIpAllowlist: memberProcedure("developer")
    .input(z.object({ ipAllowlist: z.string().max(1000) }))
    .mutation(({ ctx, input }) => setPrepaidIpAllowlist({ merchantId: ctx.merchantId, ipAllowlist: input.ipAllowlist, actor: ctx.actor })),
});
