import { z } from "zod";
import { AppError } from "../../errors";
import { walletStatement } from "../../treasury/statements";
import { changeMandate, confirmMandate, createMandate } from "../../treasury/mandates";
import { listNotifications, markNotificationsRead, setLowBalanceThreshold, treasuryOverview, unreadNotifications } from "../../treasury/settings";
import { createSweepRule, runSweepRule, setSweepRuleActive, simulateSettlement } from "../../treasury/sweeps";
import { wibDay } from "../../../lib/format";
import { merchantProcedure, router } from "../init";
import { pageInput } from "../pagination";

const actor = (userId: string) => ({ type: "USER" as const, id: userId });
const money = z.bigint().positive().max(1_000_000_000_000n);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const treasuryRouter = router({
  overview: merchantProcedure.query(({ ctx }) => treasuryOverview(ctx.merchantId)),
  setThreshold: merchantProcedure
    .input(z.object({ threshold: money.nullable() }))
    .mutation(({ ctx, input }) => setLowBalanceThreshold(ctx.merchantId, input.threshold, actor(ctx.user.id))),
  createMandate: merchantProcedure
    .input(z.object({ bankCode: z.string(), accountNumber: z.string(), accountName: z.string(), targetBalance: money, monthlyCap: money }))
    .mutation(({ ctx, input }) => createMandate(ctx.merchantId, input as Parameters<typeof createMandate>[1], actor(ctx.user.id))),
  confirmMandate: merchantProcedure
    .input(z.object({ id: z.string().min(1).max(64), otp: z.string().trim().regex(/^\d{6}$/, "OTP 6 digit / 6-digit OTP") }))
    .mutation(({ ctx, input }) => confirmMandate(ctx.merchantId, input.id, input.otp, actor(ctx.user.id))),
  changeMandate: merchantProcedure
    .input(z.object({ id: z.string().min(1).max(64), action: z.enum(["pause", "resume", "revoke"]) }))
    .mutation(({ ctx, input }) => changeMandate(ctx.merchantId, input.id, input.action, actor(ctx.user.id))),
  createSweepRule: merchantProcedure
    .input(
      z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("percent_of_yesterday"), percentBps: z.number().int().min(1).max(10_000), runAtMinute: z.number().int().min(0).max(1439) }),
        z.object({ kind: z.literal("keep_minimum"), minimumBalance: money, runAtMinute: z.number().int().min(0).max(1439) }),
      ]),
    )
    .mutation(({ ctx, input }) => createSweepRule(ctx.merchantId, input, actor(ctx.user.id))),
  setSweepRuleActive: merchantProcedure
    .input(z.object({ id: z.string().min(1).max(64), active: z.boolean() }))
    .mutation(({ ctx, input }) => setSweepRuleActive(ctx.merchantId, input.id, input.active, actor(ctx.user.id))),
  runSweepNow: merchantProcedure.input(z.object({ id: z.string().min(1).max(64) })).mutation(async ({ ctx, input }) => {
    const rules = await treasuryOverview(ctx.merchantId);
    if (!rules.rules.some((r) => r.id === input.id)) throw new AppError("NOT_FOUND", "Aturan tidak ditemukan / Rule not found");
    return runSweepRule(input.id, wibDay());
  }),
  simulateSettlement: merchantProcedure
    .input(z.object({ amount: money }))
    .mutation(({ ctx, input }) => simulateSettlement(ctx.merchantId, input.amount, actor(ctx.user.id)).then(() => ({ ok: true }))),
  notifications: merchantProcedure.input(pageInput).query(({ ctx, input }) => listNotifications(ctx.merchantId, input)),
  unread: merchantProcedure.query(({ ctx }) => unreadNotifications(ctx.merchantId)),
  markRead: merchantProcedure.mutation(({ ctx }) => markNotificationsRead(ctx.merchantId)),
  statement: merchantProcedure.input(z.object({ from: day.optional(), to: day.optional() })).query(({ ctx, input }) => walletStatement(ctx.merchantId, input)),
});
