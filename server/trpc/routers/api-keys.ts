import { z } from "zod";
import { issueApiKey } from "../../auth/issue-api-key";
import { listApiKeys } from "../../auth/list-api-keys";
import { revokeApiKey } from "../../auth/revoke-api-key";
import { memberProcedure, router } from "../init";

export const apiKeysRouter = router({
  list: memberProcedure("developer").query(({ ctx }) => listApiKeys(ctx.merchantId)),
  create: memberProcedure("developer")
    .input(z.object({ name: z.string().trim().min(1).max(60), ipAllowlist: z.string().max(1000).optional() }))
    .mutation(({ ctx, input }) => issueApiKey({ merchantId: ctx.merchantId, ...input, actor: ctx.actor })),
  revoke: memberProcedure("developer")
    .input(z.object({ id: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => revokeApiKey({ merchantId: ctx.merchantId, keyId: input.id, actor: ctx.actor })),
});
