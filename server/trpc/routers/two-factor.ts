// The signed-in user's own two-factor sign-in (admins and merchant users alike), and the
// merchant owner's "require two-factor for everyone" switch.
import { z } from "zod";
import { setRequireTwoFactor } from "../../merchants/set-require-two-factor";
import { confirmTwoFactorEnrolment } from "../../two-factor/confirm-two-factor-enrolment";
import { disableTwoFactor } from "../../two-factor/disable-two-factor";
import { getTwoFactorOverview } from "../../two-factor/get-two-factor-overview";
import { regenerateRecoveryCodes } from "../../two-factor/regenerate-recovery-codes";
import { startTwoFactorEnrolment } from "../../two-factor/start-two-factor-enrolment";
import { authedProcedure, router } from "../init";
import { TRPCError } from "@trpc/server";

const code = z.string().trim().min(6, "Masukkan kode / Enter the code").max(32, "Kode terlalu panjang / The code is too long");

export const twoFactorRouter = router({
  overview: authedProcedure.query(({ ctx }) => getTwoFactorOverview(ctx.user.id)),
  start: authedProcedure.mutation(({ ctx }) => startTwoFactorEnrolment({ userId: ctx.user.id })),
  confirm: authedProcedure.input(z.object({ code })).mutation(({ ctx, input }) => confirmTwoFactorEnrolment({ userId: ctx.user.id, code: input.code, actor: ctx.actor })),
  disable: authedProcedure.input(z.object({ code })).mutation(({ ctx, input }) => disableTwoFactor({ userId: ctx.user.id, code: input.code, actor: ctx.actor })),
  regenerateRecoveryCodes: authedProcedure
    .input(z.object({ code }))
    .mutation(({ ctx, input }) => regenerateRecoveryCodes({ userId: ctx.user.id, code: input.code, actor: ctx.actor })),
  // Not merchantProcedure: that one refuses a user the setting itself blocks.
  setMerchantRequirement: authedProcedure.input(z.object({ required: z.boolean() })).mutation(({ ctx, input }) => {
    if (ctx.user.role !== "MERCHANT" || !ctx.user.merchantId) throw new TRPCError({ code: "FORBIDDEN", message: "Hanya untuk merchant / Merchants only" });
    return setRequireTwoFactor({ merchantId: ctx.user.merchantId, userId: ctx.user.id, required: input.required, actor: ctx.actor });
  }),
});
