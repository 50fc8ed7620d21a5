import { z } from "zod";
import { buyPrepaidProduct } from "../../prepaid/buy-product";
import { PRODUCT_TYPES } from "../../prepaid/catalogue";
import { lookupPlnCustomer } from "../../prepaid/inquiry-pln";
import { findProducts, listProducts } from "../../prepaid/list-products";
import { listPrepaidOrders } from "../../prepaid/list-orders";
import { getPrepaidCredentials, regeneratePrepaidKey } from "../../prepaid/prepaid-credentials";
import { setPrepaidUsername } from "../../prepaid/set-prepaid-username";
import { watchPrepaidOrders } from "../../prepaid/watch-orders";
import { merchantProcedure, router } from "../init";
import { pageInput } from "../pagination";

const userActor = (userId: string) => ({ type: "USER" as const, id: userId });
const catalogueFilter = z.object({
  type: z.enum(PRODUCT_TYPES).optional(),
  operator: z.string().trim().min(1).max(40).optional(),
  search: z.string().trim().max(64).optional(),
});

export const prepaidRouter = router({
  /** The price list: active products only, a page at a time. */
  catalogue: merchantProcedure.input(pageInput.extend(catalogueFilter.shape)).query(({ input }) => listProducts({ ...input, active: true })),
  /** Every active product, for the buy form's pickers. */
  buyable: merchantProcedure.query(async () =>
    (await findProducts({ active: true })).map((p) => ({ code: p.code, type: p.type, operator: p.operator, name: p.name, nominal: p.nominal, price: p.price })),
  ),
  buy: merchantProcedure
    .input(z.object({ productCode: z.string().trim().min(1).max(40), customerId: z.string().trim().min(1).max(40), clientRef: z.string().min(8).max(48) }))
    .mutation(({ ctx, input }) => buyPrepaidProduct({ merchantId: ctx.merchantId, ...input, actor: userActor(ctx.user.id) })),
  inquiryPln: merchantProcedure
    .input(z.object({ customerId: z.string().trim().min(1).max(40) }))
    .mutation(async ({ input }) => ({ customer: await lookupPlnCustomer(input.customerId) })),
  orders: merchantProcedure
    .input(pageInput.extend({ status: z.number().int().min(0).max(2).optional() }))
    .query(({ ctx, input }) => listPrepaidOrders(ctx.merchantId, input)),
  /** Live status of the orders on screen that are still in PROCESS (server-sent events). */
  watch: merchantProcedure
    .input(z.object({ trIds: z.array(z.number().int().positive()).min(1).max(100) }))
    .subscription(async function* ({ ctx, input, signal }) {
      yield* watchPrepaidOrders(ctx.merchantId, input.trIds, signal);
    }),
  credentials: merchantProcedure.query(({ ctx }) => getPrepaidCredentials(ctx.merchantId)),
  regenerateKey: merchantProcedure.mutation(({ ctx }) => regeneratePrepaidKey({ merchantId: ctx.merchantId, actor: userActor(ctx.user.id) })),
  setUsername: merchantProcedure
    .input(z.object({ phone: z.string().trim().min(8).max(20) }))
    .mutation(({ ctx, input }) => setPrepaidUsername({ merchantId: ctx.merchantId, phone: input.phone, actor: userActor(ctx.user.id) })),
});
