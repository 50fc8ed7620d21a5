// Teams: the members of the active merchant, invitations, roles, and the merchant switcher.
import { z } from "zod";
import { resolveActiveMembership } from "../../auth/resolve-membership";
import { acceptInvitationAsNewUser, acceptInvitationAsUser, previewInvitation } from "../../teams/accept-invitation";
import { changeMemberRole } from "../../teams/change-member-role";
import { inviteMember } from "../../teams/invite-member";
import { listMembers, listPendingInvitations } from "../../teams/list-members";
import { removeMember } from "../../teams/remove-member";
import { resendInvitation } from "../../teams/resend-invitation";
import { revokeInvitation } from "../../teams/revoke-invitation";
import { invitationTokenSchema, memberRoleSchema, newMemberSchema } from "../../teams/schemas";
import { switchMerchant } from "../../teams/switch-merchant";
import { AppError } from "../../errors";
import { authedProcedure, memberProcedure, publicProcedure, router } from "../init";

const id = z.string().min(1).max(64);
const mailLocale = (locale: string) => (locale === "en" ? "en" : "id") as "id" | "en";

export const teamRouter = router({
  /** Everyone in the team sees who is in it. */
  members: memberProcedure("view").query(({ ctx }) => listMembers(ctx.merchantId)),
  /** The caller's own role in the active merchant, and the merchants they can switch to. */
  me: memberProcedure("view").query(async ({ ctx }) => {
    const active = await resolveActiveMembership(ctx.user.id);
    if (!active) throw new AppError("FORBIDDEN", "Anda bukan anggota merchant mana pun / You are not a member of any merchant");
    return { merchantId: active.merchantId, role: active.role, merchants: active.merchants.map((m) => ({ merchantId: m.merchantId, businessName: m.businessName, role: m.role })) };
  }),
  invitations: memberProcedure("manage").query(({ ctx }) => listPendingInvitations(ctx.merchantId)),
  invite: memberProcedure("manage")
    .input(z.object({ email: z.string().max(190), role: memberRoleSchema }))
    .mutation(({ ctx, input }) => inviteMember({ merchantId: ctx.merchantId, email: input.email, role: input.role, actor: { type: "USER", id: ctx.user.id, ...(ctx.ip ? { ip: ctx.ip } : {}) }, locale: mailLocale(ctx.user.locale) })),
  resendInvitation: memberProcedure("manage")
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => resendInvitation({ merchantId: ctx.merchantId, invitationId: input.id, actor: { type: "USER", id: ctx.user.id }, locale: mailLocale(ctx.user.locale) })),
  revokeInvitation: memberProcedure("manage").input(z.object({ id })).mutation(({ ctx, input }) => revokeInvitation({ merchantId: ctx.merchantId, invitationId: input.id, actor: ctx.actor })),
  changeRole: memberProcedure("manage")
    .input(z.object({ userId: id, role: memberRoleSchema }))
    .mutation(({ ctx, input }) => changeMemberRole({ merchantId: ctx.merchantId, userId: input.userId, role: input.role, actor: ctx.actor })),
  remove: memberProcedure("manage").input(z.object({ userId: id })).mutation(({ ctx, input }) => removeMember({ merchantId: ctx.merchantId, userId: input.userId, actor: ctx.actor })),
  /** Any member may leave (the last owner may not). */
  leave: memberProcedure("view").mutation(({ ctx }) => removeMember({ merchantId: ctx.merchantId, userId: ctx.user.id, actor: ctx.actor })),
  /** The switcher: needs a membership in the target, not a permission in the current merchant. */
  switchMerchant: authedProcedure.input(z.object({ merchantId: id })).mutation(({ ctx, input }) => switchMerchant({ userId: ctx.user.id, merchantId: input.merchantId, actor: ctx.actor })),
  /** The invitation page: public, the token is the secret. */
  previewInvitation: publicProcedure.input(z.object({ token: invitationTokenSchema })).query(({ input }) => previewInvitation(input.token)),
  acceptAsNewUser: publicProcedure.input(newMemberSchema).mutation(({ ctx, input }) => acceptInvitationAsNewUser(input, { ip: ctx.ip })),
  acceptAsUser: authedProcedure
    .input(z.object({ token: invitationTokenSchema }))
    .mutation(({ ctx, input }) => acceptInvitationAsUser({ token: input.token, userId: ctx.user.id, ip: ctx.ip })),
});
