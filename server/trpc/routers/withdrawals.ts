// The merchant's withdrawals: request, list, one in detail. Amounts travel as BigInt (superjson).
import { z } from "zod";
import { assertEmailVerified } from "../../auth/verify-email";
import { merchantBalance, rupiah } from "../../ledger";
import { getWithdrawalForMerchant, listWithdrawals, WITHDRAW_STATUSES } from "../../withdrawals/find-withdrawals";
import { availableWithdrawMethods } from "../../withdrawals/available-methods";
import { WITHDRAW_METHOD_CODES } from "../../withdrawals/methods";
import { requestWithdrawal } from "../../withdrawals/request-withdrawal";
import { requireTwoFactorForWithdrawal } from "../../two-factor/require-two-factor-for-withdrawal";
import { forPortal } from "../../withdrawals/views";
import { memberProcedure, router } from "../init";
import { pageInput } from "../../../lib/pagination";

export const withdrawalsRouter = router({
  methods: memberProcedure("view").query(() => availableWithdrawMethods().map((m) => ({ ...m }))),
  request: memberProcedure("withdraw")
    .input(
      z.object({
        amount: rupiah,
        method: z.enum(WITHDRAW_METHOD_CODES),
        accountNumber: z.string().max(32),
        accountName: z.string().max(200),
        /** The form's key (a uuid made when it mounts, renewed after a success): a double click or a retry requests once. */
        idempotencyKey: z.string().uuid(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      // A person in the portal must have verified their email first; API-key calls (REST) are not affected.
      await assertEmailVerified(ctx.user.id);
      const { idempotencyKey, ...request } = input;
      await requireTwoFactorForWithdrawal(ctx.user.id);
      const { withdrawal, newBalance } = await requestWithdrawal({ merchantId: ctx.merchantId, ...request, actor: ctx.actor, idempotencyKey: `portal:${idempotencyKey}` });
      return { withdrawal: forPortal(withdrawal), newBalance };
    }),
  list: memberProcedure("view")
    .input(pageInput.extend({ status: z.enum(WITHDRAW_STATUSES).optional() }))
    .query(async ({ ctx, input }) => {
      const page = await listWithdrawals(ctx.merchantId, { page: input.page, limit: input.pageSize, status: input.status });
      return { ...page, items: page.items.map(forPortal) };
    }),
  get: memberProcedure("view").input(z.object({ id: z.string().min(1).max(64) })).query(async ({ ctx, input }) => forPortal(await getWithdrawalForMerchant(ctx.merchantId, input.id))),
  balance: memberProcedure("view").query(({ ctx }) => merchantBalance(ctx.merchantId)),
});
