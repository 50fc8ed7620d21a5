// The admin desk: the withdrawal queue and its decisions, and the merchant tools (detail,
// suspension, manual adjustments, auto-approve limit) and the audit log. ADMIN role only.
import { z } from "zod";
import { resolveProcessingWithdrawal } from "../../withdrawals/resolve-withdrawal";
import type { Actor } from "../../audit";
import { listDeposits } from "../../deposits/find-deposits";
import { walletHistory } from "../../ledger";
import { db } from "../../db";
import { adjustBalance } from "../../merchants/adjust-balance";
import { getMerchantDetail } from "../../merchants/get-merchant-detail";
import { ACTOR_TYPES, listAuditActions, listAuditLog } from "../../merchants/list-audit-log";
import { setAutoApproveLimit } from "../../merchants/set-auto-approve";
import { setMerchantSuspension } from "../../merchants/suspend-merchant";
import { approveWithdrawal } from "../../withdrawals/approve-withdrawal";
import { getWithdrawalForAdmin, listMerchantWithdrawals, listRecentlyDecided, listWithdrawalQueue } from "../../withdrawals/list-withdrawal-queue";
import { WITHDRAW_METHODS } from "../../withdrawals/methods";
import { rejectWithdrawal } from "../../withdrawals/reject-withdrawal";
import { adminProcedure, router } from "../init";
import { pageInput } from "../pagination";

const id = z.string().min(1).max(64);
const admin = (userId: string): Actor => ({ type: "USER", id: userId });

export const adminDeskRouter = router({
  withdrawalQueue: adminProcedure.input(pageInput).query(({ input }) => listWithdrawalQueue(input)),
  recentlyDecided: adminProcedure.query(() => listRecentlyDecided(10)),
  withdrawalMethods: adminProcedure.query(() => WITHDRAW_METHODS.map((m) => ({ code: m.code, name: m.name }))),
  withdrawal: adminProcedure.input(z.object({ id })).query(({ input }) => getWithdrawalForAdmin(input.id)),
  approveWithdrawal: adminProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => approveWithdrawal({ withdrawalId: input.id, actor: admin(ctx.user.id) })),
  resolveProcessing: adminProcedure
    .input(z.object({ id, paid: z.boolean(), note: z.string().max(500), reference: z.string().max(100).optional() }))
    .mutation(({ ctx, input }) => resolveProcessingWithdrawal({ withdrawalId: input.id, paid: input.paid, note: input.note, reference: input.reference, actor: admin(ctx.user.id) })),
  rejectWithdrawal: adminProcedure
    .input(z.object({ id, note: z.string().max(500) }))
    .mutation(({ ctx, input }) => rejectWithdrawal({ withdrawalId: input.id, note: input.note, actor: admin(ctx.user.id) })),

  merchant: adminProcedure.input(z.object({ id })).query(({ input }) => getMerchantDetail(input.id)),
  merchantLedger: adminProcedure.input(pageInput.extend({ merchantId: id })).query(({ input }) => walletHistory(db, input.merchantId, input)),
  merchantDeposits: adminProcedure.input(pageInput.extend({ merchantId: id })).query(({ input }) => listDeposits(input.merchantId, input)),
  merchantWithdrawals: adminProcedure.input(pageInput.extend({ merchantId: id })).query(({ input }) => listMerchantWithdrawals(input.merchantId, input)),
  setSuspension: adminProcedure
    .input(z.object({ merchantId: id, suspend: z.boolean(), reason: z.string().max(500) }))
    .mutation(({ ctx, input }) => setMerchantSuspension({ ...input, actor: admin(ctx.user.id) })),
  adjustBalance: adminProcedure
    .input(
      z.object({
        merchantId: id,
        direction: z.enum(["credit", "debit"]),
        amount: z.bigint().positive().max(1_000_000_000_000n),
        reason: z.string().max(500),
        idempotencyKey: z.string().uuid(),
      }),
    )
    .mutation(({ ctx, input }) => adjustBalance({ ...input, actor: admin(ctx.user.id) })),
  setAutoApprove: adminProcedure
    .input(z.object({ merchantId: id, upTo: z.bigint().positive().max(1_000_000_000_000n).nullable() }))
    .mutation(({ ctx, input }) => setAutoApproveLimit({ ...input, actor: admin(ctx.user.id) })),

  auditLog: adminProcedure
    .input(
      pageInput.extend({
        merchantId: z.string().trim().max(64).optional(),
        action: z.string().trim().max(100).optional(),
        actorType: z.enum(ACTOR_TYPES).optional(),
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
        to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
      }),
    )
    .query(({ input }) => listAuditLog(input)),
  auditActions: adminProcedure.query(() => listAuditActions()),
});
