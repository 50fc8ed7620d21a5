// Admin: the merchants — list, detail with ledger and history, suspension, manual adjustments
// and the auto-approve limit.
import { z } from "zod";
import { listDeposits } from "../../deposits/find-deposits";
import { rupiah, walletHistory } from "../../ledger";
import { approveAdjustment } from "../../merchants/approve-adjustment";
import { listAdjustmentRequests } from "../../merchants/list-adjustment-requests";
import { rejectAdjustment } from "../../merchants/reject-adjustment";
import { requestAdjustment } from "../../merchants/request-adjustment";
import { getMerchantDetail } from "../../merchants/get-merchant-detail";
import { listMerchants } from "../../merchants/list-merchants";
import { setAutoApproveLimit } from "../../merchants/set-auto-approve";
import { setMerchantSuspension } from "../../merchants/suspend-merchant";
import { listMerchantWithdrawals } from "../../withdrawals/list-merchant-withdrawals";
import { router, staffProcedure } from "../init";
import { keysetCursor } from "../../../lib/keyset-cursor";
import { pageInput } from "../../../lib/pagination";

const id = z.string().min(1).max(64);

export const merchantsRouter = router({
  list: staffProcedure("staff_view").input(pageInput.extend({ search: z.string().trim().max(100).optional() })).query(({ input }) => listMerchants(input)),
  get: staffProcedure("staff_view").input(z.object({ id })).query(({ input }) => getMerchantDetail(input.id)),
  ledger: staffProcedure("staff_view").input(pageInput.extend({ merchantId: id, cursor: keysetCursor.optional() })).query(({ input }) => walletHistory(input.merchantId, input)),
  deposits: staffProcedure("staff_view").input(pageInput.extend({ merchantId: id })).query(({ input }) => listDeposits(input.merchantId, input)),
  withdrawals: staffProcedure("staff_view").input(pageInput.extend({ merchantId: id })).query(({ input }) => listMerchantWithdrawals(input.merchantId, input)),
  setSuspension: staffProcedure("settings")
    .input(z.object({ merchantId: id, suspend: z.boolean(), reason: z.string().max(500) }))
    .mutation(({ ctx, input }) => setMerchantSuspension({ ...input, actor: ctx.actor })),
  /** Maker-checker: an adjustment is requested by one admin and posted when a different admin approves it. */
  adjustBalance: staffProcedure("approve")
    .input(z.object({ merchantId: id, direction: z.enum(["credit", "debit"]), amount: rupiah, reason: z.string().max(500), idempotencyKey: z.string().uuid() }))
    .mutation(({ ctx, input }) => requestAdjustment({ ...input, actor: ctx.actor })),
  adjustmentRequests: staffProcedure("staff_view").input(z.object({ merchantId: id })).query(({ input }) => listAdjustmentRequests(input.merchantId)),
  approveAdjustment: staffProcedure("approve").input(z.object({ requestId: id })).mutation(({ ctx, input }) => approveAdjustment({ requestId: input.requestId, actor: ctx.actor })),
  rejectAdjustment: staffProcedure("approve")
    .input(z.object({ requestId: id, note: z.string().max(500) }))
    .mutation(({ ctx, input }) => rejectAdjustment({ requestId: input.requestId, note: input.note, actor: ctx.actor })),
  setAutoApprove: staffProcedure("settings")
    .input(z.object({ merchantId: id, upTo: rupiah.nullable() }))
    .mutation(({ ctx, input }) => setAutoApproveLimit({ ...input, actor: ctx.actor })),
});
