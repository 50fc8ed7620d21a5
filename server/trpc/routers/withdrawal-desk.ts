// Admin: the withdrawal desk — the queue of pending payouts and their decisions.
import { z } from "zod";
import { approveWithdrawal } from "../../withdrawals/approve-withdrawal";
import { getWithdrawalForAdmin } from "../../withdrawals/get-withdrawal-for-admin";
import { listPayoutReviews } from "../../withdrawals/list-payout-reviews";
import { listRecentlyDecided } from "../../withdrawals/list-recently-decided";
import { listWithdrawalQueue } from "../../withdrawals/list-withdrawal-queue";
import { WITHDRAW_METHODS } from "../../withdrawals/methods";
import { rejectWithdrawal } from "../../withdrawals/reject-withdrawal";
import { resolveUnknownPayout } from "../../withdrawals/resolve-withdrawal";
import { adminProcedure, router } from "../init";
import { pageInput } from "../../../lib/pagination";

const id = z.string().min(1).max(64);

export const withdrawalDeskRouter = router({
  queue: adminProcedure.input(pageInput).query(({ input }) => listWithdrawalQueue(input)),
  recentlyDecided: adminProcedure.query(() => listRecentlyDecided(10)),
  payoutReviews: adminProcedure.query(() => listPayoutReviews(10)),
  methods: adminProcedure.query(() => WITHDRAW_METHODS.map((m) => ({ code: m.code, name: m.name }))),
  get: adminProcedure.input(z.object({ id })).query(({ input }) => getWithdrawalForAdmin(input.id)),
  approve: adminProcedure.input(z.object({ id })).mutation(({ ctx, input }) => approveWithdrawal({ withdrawalId: input.id, actor: ctx.actor })),
  reject: adminProcedure
    .input(z.object({ id, note: z.string().max(500) }))
    .mutation(({ ctx, input }) => rejectWithdrawal({ withdrawalId: input.id, note: input.note, actor: ctx.actor })),
  /** "It was paid / not paid" for a payout whose outcome is `unknown` (only those). */
  resolveProcessing: adminProcedure
    .input(z.object({ id, paid: z.boolean(), note: z.string().max(500), reference: z.string().max(100).optional() }))
    .mutation(({ ctx, input }) => resolveUnknownPayout({ withdrawalId: input.id, paid: input.paid, note: input.note, reference: input.reference, actor: ctx.actor })),
});
