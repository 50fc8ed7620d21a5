// The account's own security: sessions, sign-ins, password change and reset, email verification.
import { z } from "zod";
import { pageInput } from "../../../lib/pagination";
import { changePassword } from "../../auth/change-password";
import { listSignIns, listUserSessions } from "../../auth/list-user-sessions";
import { requestPasswordReset } from "../../auth/request-password-reset";
import { passwordResetLinkUsable, resetPassword } from "../../auth/reset-password";
import { revokeOtherUserSessions, revokeUserSession } from "../../auth/revoke-user-sessions";
import { emailSchema, newPasswordSchema } from "../../auth/schemas";
import { resendEmailVerification } from "../../auth/send-email-verification";
import { emailVerified, verifyEmail } from "../../auth/verify-email";
import { AppError } from "../../errors";
import { authedProcedure, publicProcedure, router } from "../init";

const sessionIdInput = z.string().min(1).max(64);
const tokenInput = z.string().min(1).max(128);

/** The session this request is (every cookie since issue 16 has one; getSession refuses the rest). */
function currentSessionId(ctx: { session: { sessionId?: string } }): string {
  if (!ctx.session.sessionId) throw new AppError("UNAUTHORIZED", "Silakan masuk lagi / Please sign in again");
  return ctx.session.sessionId;
}

export const accountRouter = router({
  status: authedProcedure.query(async ({ ctx }) => ({ emailVerified: await emailVerified(ctx.user.id) })),
  sessions: authedProcedure.query(({ ctx }) => listUserSessions({ userId: ctx.user.id, currentSessionId: ctx.session.sessionId })),
  signIns: authedProcedure.input(pageInput).query(({ ctx, input }) => listSignIns({ userId: ctx.user.id, ...input })),
  revokeSession: authedProcedure
    .input(z.object({ sessionId: sessionIdInput }))
    .mutation(({ ctx, input }) => revokeUserSession({ userId: ctx.user.id, sessionId: input.sessionId, actor: ctx.actor })),
  revokeOtherSessions: authedProcedure.mutation(({ ctx }) => revokeOtherUserSessions({ userId: ctx.user.id, currentSessionId: currentSessionId(ctx), actor: ctx.actor })),
  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1).max(200), newPassword: newPasswordSchema }))
    .mutation(({ ctx, input }) =>
      changePassword({ userId: ctx.user.id, currentSessionId: currentSessionId(ctx), currentPassword: input.currentPassword, newPassword: input.newPassword, actor: ctx.actor }),
    ),
  resendVerification: authedProcedure.mutation(({ ctx }) => resendEmailVerification({ userId: ctx.user.id })),
  requestPasswordReset: publicProcedure.input(z.object({ email: emailSchema })).mutation(({ ctx, input }) => requestPasswordReset({ email: input.email, ip: ctx.ip })),
  resetLinkUsable: publicProcedure.input(z.object({ token: tokenInput })).query(({ input }) => passwordResetLinkUsable(input.token)),
  /** The verification link's page calls this when it opens: the link itself is the proof. */
  verifyEmail: publicProcedure.input(z.object({ token: tokenInput })).mutation(({ ctx, input }) => verifyEmail({ token: input.token, ip: ctx.ip })),
  resetPassword: publicProcedure
    .input(z.object({ token: tokenInput, password: newPasswordSchema }))
    .mutation(async ({ ctx, input }) => {
      await resetPassword({ token: input.token, password: input.password, ip: ctx.ip });
      return { ok: true as const };
    }),
});
