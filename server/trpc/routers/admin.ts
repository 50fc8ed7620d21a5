import { z } from "zod";
import { db } from "../../db";
import { listMerchants } from "../../merchants/list-merchants";
import { assignBankMutation, listBankMutations, listPaymentReviews } from "../../deposits/record-bank-mutations";
import { adminProcedure, router } from "../init";
import { pageInput } from "../pagination";

export const adminRouter = router({
  merchants: adminProcedure
    .input(pageInput.extend({ search: z.string().trim().max(100).optional() }))
    .query(({ input }) => listMerchants(db, input)),
  bankMutations: adminProcedure
    .input(pageInput.extend({ status: z.enum(["matched", "unmatched", "assigned"]).optional() }))
    .query(({ input }) => listBankMutations(input)),
  paymentReviews: adminProcedure.input(pageInput).query(({ input }) => listPaymentReviews(input)),
  assignBankMutation: adminProcedure
    .input(z.object({ mutationId: z.string().min(1).max(64), depositId: z.string().trim().min(1).max(64), note: z.string().trim().min(3).max(500) }))
    .mutation(({ ctx, input }) => assignBankMutation({ ...input, actor: { type: "USER", id: ctx.user.id } })),
});
