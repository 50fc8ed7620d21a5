// The signed-in user's own two-factor sign-in (admins and merchant users alike), and the
// merchant owner's "require two-factor for everyone" switch.
import { z } from "zod";
import { setRequireTwoFactor } from "../../merchants/set-require-two-factor";
import { confirmTwoFactorEnrolment } from "../../two-factor/confirm-two-factor-enrolment";
import { disableTwoFactor } from "../../two-factor/disable-two-factor";
import { getTwoFactorOverview } from "../../two-factor/get-two-factor-overview";
import { regenerateRecoveryCodes } from "../../two-factor/regenerate-recovery-codes";
import { startTwoFactorEnrolment } from "../../two-factor/start-two-factor-enrolment";
import { can, ROLE_REFUSED } from "../../auth/permissions";
import { resolveActiveMembership } from "../../auth/resolve-membership";
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
  // Not memberProcedure: that one refuses a user the setting itself blocks. The use case checks
  // that the caller owns the active merchant.
  setMerchantRequirement: authedProcedure.input(z.object({ required: z.boolean() })).mutation(async ({ ctx, input }) => {
    const active = ctx.user.role === "MERCHANT" ? await resolveActiveMembership(ctx.user.id) : null;
    if (!active || !can(active.role, "manage")) throw new TRPCError({ code: "FORBIDDEN", message: ROLE_REFUSED });
    return setRequireTwoFactor({ merchantId: active.merchantId, userId: ctx.user.id, required: input.required, actor: ctx.actor });
  }),
});
