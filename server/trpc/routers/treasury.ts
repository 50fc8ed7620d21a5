import { z } from "zod";
import { rupiah } from "../../ledger";
import { listNotifications, unreadNotifications } from "../../notifications/list-notifications";
import { markNotificationsRead } from "../../notifications/mark-notifications-read";
import { changeMandate } from "../../treasury/change-mandate";
import { confirmMandate } from "../../treasury/confirm-mandate";
import { createMandate } from "../../treasury/create-mandate";
import { createSweepRule } from "../../treasury/create-sweep-rule";
import { treasuryOverview } from "../../treasury/get-treasury-overview";
import { runSweepRuleNow } from "../../treasury/run-sweep-rule-now";
import { mandateInput, sweepRuleInput } from "../../treasury/schemas";
import { setLowBalanceThreshold } from "../../treasury/set-low-balance-threshold";
import { setSweepRuleActive } from "../../treasury/set-sweep-rule-active";
import { simulateSettlement } from "../../treasury/simulate-settlement";
import { walletStatement } from "../../treasury/statements";
import { memberProcedure, router } from "../init";
import { keysetCursor } from "../../../lib/keyset-cursor";
import { pageInput } from "../../../lib/pagination";
import { wibDate } from "../../../lib/wib-date";

const id = z.string().min(1).max(64);
const day = wibDate;

export const treasuryRouter = router({
  overview: memberProcedure("view").query(({ ctx }) => treasuryOverview(ctx.merchantId)),
  setThreshold: memberProcedure("manage")
    .input(z.object({ threshold: rupiah.nullable() }))
    .mutation(({ ctx, input }) => setLowBalanceThreshold(ctx.merchantId, input.threshold, ctx.actor)),
  createMandate: memberProcedure("manage").input(mandateInput).mutation(({ ctx, input }) => createMandate(ctx.merchantId, input, ctx.actor)),
  confirmMandate: memberProcedure("manage")
    .input(z.object({ id, otp: z.string().trim().regex(/^\d{6}$/, "OTP 6 digit / 6-digit OTP") }))
    .mutation(({ ctx, input }) => confirmMandate(ctx.merchantId, input.id, input.otp, ctx.actor)),
  changeMandate: memberProcedure("manage")
    .input(z.object({ id, action: z.enum(["pause", "resume", "revoke"]) }))
    .mutation(({ ctx, input }) => changeMandate(ctx.merchantId, input.id, input.action, ctx.actor)),
  createSweepRule: memberProcedure("manage").input(sweepRuleInput).mutation(({ ctx, input }) => createSweepRule(ctx.merchantId, input, ctx.actor)),
  setSweepRuleActive: memberProcedure("manage")
    .input(z.object({ id, active: z.boolean() }))
    .mutation(({ ctx, input }) => setSweepRuleActive(ctx.merchantId, input.id, input.active, ctx.actor)),
  runSweepNow: memberProcedure("manage").input(z.object({ id })).mutation(({ ctx, input }) => runSweepRuleNow(ctx.merchantId, input.id)),
  simulateSettlement: memberProcedure("pay_in")
    // `idempotencyKey`: the form's key (renewed after a success): a double click posts one settlement.
    .input(z.object({ amount: rupiah, idempotencyKey: z.string().uuid() }))
    .mutation(({ ctx, input }) => simulateSettlement(ctx.merchantId, input.amount, ctx.actor, `settlement:${ctx.merchantId}:${input.idempotencyKey}`).then(() => ({ ok: true }))),
  notifications: memberProcedure("view").input(pageInput).query(({ ctx, input }) => listNotifications(ctx.merchantId, input)),
  unread: memberProcedure("view").query(({ ctx }) => unreadNotifications(ctx.merchantId)),
  markRead: memberProcedure("view").mutation(({ ctx }) => markNotificationsRead(ctx.merchantId)),
  // Without `limit` the whole period (as the statement page shows it); with it, keyset pages: pass
  // the answer's `nextCursor` as `cursor` for the next one.
  statement: memberProcedure("view")
    .input(z.object({ from: day.optional(), to: day.optional(), cursor: keysetCursor.optional(), limit: z.number().int().min(1).max(1000).optional() }))
    .query(({ ctx, input }) => walletStatement(ctx.merchantId, { from: input.from, to: input.to }, { cursor: input.cursor, limit: input.limit })),
});
