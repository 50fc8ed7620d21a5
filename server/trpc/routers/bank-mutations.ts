// Admin: incoming bank credits and provider payments that need a human (no match, wrong amount,
// late), assigning a bank credit to a ticket, and resolving a reviewed provider payment.
import { z } from "zod";
import { assignBankMutation } from "../../deposits/assign-bank-mutation";
import { listBankMutations } from "../../deposits/list-bank-mutations";
import { listPaymentReviews } from "../../deposits/list-payment-reviews";
import { listReviewCandidates } from "../../deposits/list-review-candidates";
import { resolvePaymentReview } from "../../deposits/resolve-payment-review";
import { router, staffProcedure } from "../init";
import { pageInput } from "../../../lib/pagination";

export const bankMutationsRouter = router({
  list: staffProcedure("staff_view").input(pageInput.extend({ status: z.enum(["matched", "unmatched", "assigned"]).optional() })).query(({ input }) => listBankMutations(input)),
  paymentReviews: staffProcedure("staff_view").input(pageInput).query(({ input }) => listPaymentReviews(input)),
  assign: staffProcedure("review")
    .input(z.object({ mutationId: z.string().min(1).max(64), depositId: z.string().trim().min(1).max(64), note: z.string().trim().min(3).max(500) }))
    .mutation(({ ctx, input }) => assignBankMutation({ ...input, actor: ctx.actor })),
  /** Unpaid deposits of the merchant a reviewed payment named, to credit it to. */
  reviewCandidates: staffProcedure("staff_view").input(z.object({ eventId: z.string().min(1).max(64) })).query(({ input }) => listReviewCandidates(input.eventId)),
  /** "Credit to this deposit" or "refunded outside Saldo" for a payment held for review; audited with the note. */
  resolveReview: staffProcedure("review")
    .input(
      z.discriminatedUnion("action", [
        z.object({ action: z.literal("credit"), eventId: z.string().min(1).max(64), depositId: z.string().trim().min(1).max(64), note: z.string().trim().min(3).max(500) }),
        z.object({ action: z.literal("refunded_outside"), eventId: z.string().min(1).max(64), note: z.string().trim().min(3).max(500) }),
      ]),
    )
    .mutation(({ ctx, input }) => resolvePaymentReview({ ...input, actor: ctx.actor })),
});
