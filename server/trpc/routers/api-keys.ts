import { z } from "zod";
import { issueApiKey, listApiKeys, revokeApiKey } from "../../auth/manage-api-keys";
import { merchantProcedure, router } from "../init";

export const apiKeysRouter = router({
  list: merchantProcedure.query(({ ctx }) => listApiKeys(ctx.merchantId)),
  create: merchantProcedure
    .input(z.object({ name: z.string().trim().min(1).max(60), ipAllowlist: z.string().max(1000).optional() }))
    .mutation(({ ctx, input }) => issueApiKey({ merchantId: ctx.merchantId, ...input, actor: { type: "USER", id: ctx.user.id } })),
  revoke: merchantProcedure
    .input(z.object({ id: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => revokeApiKey({ merchantId: ctx.merchantId, keyId: input.id, actor: { type: "USER", id: ctx.user.id } })),
});
