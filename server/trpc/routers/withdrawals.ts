// The merchant's withdrawals: request, list, one in detail. Amounts travel as BigInt (superjson).
import { z } from "zod";
import { db } from "../../db";
import { balanceOf } from "../../ledger";
import { getWithdrawalForMerchant, listWithdrawals, WITHDRAW_STATUSES } from "../../withdrawals/find-withdrawals";
import { WITHDRAW_METHOD_CODES, WITHDRAW_METHODS } from "../../withdrawals/methods";
import { requestWithdrawal } from "../../withdrawals/request-withdrawal";
import { merchantProcedure, router } from "../init";
import { pageInput } from "../pagination";

export const withdrawalsRouter = router({
  methods: merchantProcedure.query(() => WITHDRAW_METHODS.map((m) => ({ ...m }))),
  request: merchantProcedure
    .input(
      z.object({
        amount: z.bigint().positive().max(1_000_000_000_000n),
        method: z.enum(WITHDRAW_METHOD_CODES),
        accountNumber: z.string().max(32),
        accountName: z.string().max(200),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { withdrawal, newBalance } = await requestWithdrawal({ merchantId: ctx.merchantId, ...input, actor: { type: "USER", id: ctx.user.id } });
      return { withdrawal, newBalance };
    }),
  list: merchantProcedure
    .input(pageInput.extend({ status: z.enum(WITHDRAW_STATUSES).optional() }))
    .query(({ ctx, input }) => listWithdrawals(ctx.merchantId, { page: input.page, limit: input.pageSize, status: input.status })),
  get: merchantProcedure.input(z.object({ id: z.string().min(1).max(64) })).query(({ ctx, input }) => getWithdrawalForMerchant(ctx.merchantId, input.id)),
  balance: merchantProcedure.query(({ ctx }) => balanceOf(db, ctx.merchantId)),
});
