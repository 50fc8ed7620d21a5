// Admin: the withdrawal desk — the queue of pending payouts and their decisions.
import { z } from "zod";
import { BULK_MAX, decideWithdrawalsInBulk } from "../../withdrawals/decide-withdrawals-in-bulk";
import { getWithdrawalForAdmin } from "../../withdrawals/get-withdrawal-for-admin";
import { listPayoutReviews } from "../../withdrawals/list-payout-reviews";
import { listRecentlyDecided } from "../../withdrawals/list-recently-decided";
import { secondAdminThreshold } from "../../withdrawals/approval-rule";
import { giveWithdrawalApproval } from "../../withdrawals/give-withdrawal-approval";
import { listQueueMerchants, listWithdrawalQueue, queueInput } from "../../withdrawals/list-withdrawal-queue";
import { WITHDRAW_METHODS } from "../../withdrawals/methods";
import { rejectWithdrawal } from "../../withdrawals/reject-withdrawal";
import { resolveUnknownPayout } from "../../withdrawals/resolve-withdrawal";
import { router, staffProcedure } from "../init";

const id = z.string().min(1).max(64);

export const withdrawalDeskRouter = router({
  queue: staffProcedure("staff_view").input(queueInput).query(({ input }) => listWithdrawalQueue(input)),
  queueMerchants: staffProcedure("staff_view").query(() => listQueueMerchants()),
  /** Maker-checker: withdrawals at or above this amount need two different admins. */
  approvalRule: staffProcedure("staff_view").query(() => ({ secondAdminAbove: secondAdminThreshold() })),
  recentlyDecided: staffProcedure("staff_view").query(() => listRecentlyDecided(10)),
  payoutReviews: staffProcedure("staff_view").query(() => listPayoutReviews(10)),
  methods: staffProcedure("staff_view").query(() => WITHDRAW_METHODS.map((m) => ({ code: m.code, name: m.name }))),
  get: staffProcedure("staff_view").input(z.object({ id })).query(({ input }) => getWithdrawalForAdmin(input.id)),
  /** Approves, or — at or above APPROVAL_SECOND_ADMIN_ABOVE — records the first of two approvals. */
  approve: staffProcedure("approve").input(z.object({ id })).mutation(({ ctx, input }) => giveWithdrawalApproval({ withdrawalId: input.id, actor: ctx.actor })),
  /** Approve or reject the selected rows; each row's outcome is reported. */
  bulk: staffProcedure("approve")
    .input(
      z.discriminatedUnion("action", [
        z.object({ action: z.literal("approve"), ids: z.array(id).min(1).max(BULK_MAX) }),
        z.object({ action: z.literal("reject"), ids: z.array(id).min(1).max(BULK_MAX), note: z.string().max(500) }),
      ]),
    )
    .mutation(({ ctx, input }) => decideWithdrawalsInBulk({ ...input, actor: ctx.actor })),
  reject: staffProcedure("approve")
    .input(z.object({ id, note: z.string().max(500) }))
    .mutation(({ ctx, input }) => rejectWithdrawal({ withdrawalId: input.id, note: input.note, actor: ctx.actor })),
  /** "It was paid / not paid" for a payout whose outcome is `unknown` (only those). */
  resolveProcessing: staffProcedure("approve")
    .input(z.object({ id, paid: z.boolean(), note: z.string().max(500), reference: z.string().max(100).optional() }))
    .mutation(({ ctx, input }) => resolveUnknownPayout({ withdrawalId: input.id, paid: input.paid, note: input.note, reference: input.reference, actor: ctx.actor })),
});
