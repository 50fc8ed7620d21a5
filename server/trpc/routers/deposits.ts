import { z } from "zod";
import { cancelDeposit } from "../../deposits/cancel-deposit";
import { createDeposit } from "../../deposits/create-deposit";
import { DEPOSIT_STATUSES, getDepositForMerchant, getDepositForPayer, listDeposits } from "../../deposits/find-deposits";
import { METHODS, METHOD_CODES } from "../../deposits/methods";
import { paymentView } from "../../deposits/views";
import { watchDepositStatus } from "../../deposits/watch-deposit";
import { env } from "../../env";
import { rupiah } from "../../ledger";
import { memberProcedure, publicProcedure, router } from "../init";
import { pageInput } from "../../../lib/pagination";

const id = z.object({ id: z.string().min(1).max(64) });

export const depositsRouter = router({
  methods: memberProcedure("view").query(() => METHODS.map((m) => ({ ...m }))),
  create: memberProcedure("pay_in")
    // `idempotencyKey`: the form's key (a uuid per form, renewed after a success): a double click or a retry opens one deposit.
    .input(z.object({ method: z.enum(METHOD_CODES), amount: rupiah, idempotencyKey: z.string().uuid() }))
    .mutation(({ ctx, input }) =>
      createDeposit({ merchantId: ctx.merchantId, method: input.method, amount: input.amount, actor: ctx.actor, idempotencyKey: `portal:${input.idempotencyKey}` }),
    ),
  list: memberProcedure("view")
    .input(pageInput.extend({ status: z.enum(DEPOSIT_STATUSES).optional(), search: z.string().trim().max(64).optional() }))
    .query(({ ctx, input }) => listDeposits(ctx.merchantId, input)),
  get: memberProcedure("view").input(id).query(({ ctx, input }) => getDepositForMerchant(ctx.merchantId, input.id)),
  cancel: memberProcedure("pay_in").input(id).mutation(({ ctx, input }) => cancelDeposit(ctx.merchantId, input.id, ctx.actor)),
  sandbox: publicProcedure.query(() => ({ enabled: env.SANDBOX })),
  /** Live status for the QR / payment page (server-sent events). Public: the id is the secret. */
  watch: publicProcedure.input(id).subscription(async function* ({ input, signal }) {
    yield* watchDepositStatus(input.id, signal);
  }),
  forPayer: publicProcedure.input(id).query(async ({ input }) => {
    const deposit = await getDepositForPayer(input.id);
    return paymentView(deposit, deposit.merchantName);
  }),
});
