import { registerMerchant } from "../../auth/register-merchant";
import { registerSchema, localeSchema } from "../../auth/schemas";
import { setUserLocale } from "../../auth/set-locale";
import { authedProcedure, publicProcedure, router } from "../init";

export const authRouter = router({
  register: publicProcedure.input(registerSchema).mutation(({ input, ctx }) => registerMerchant(input, { ip: ctx.ip })),
  setLocale: authedProcedure.input(localeSchema).mutation(({ input, ctx }) => setUserLocale(ctx.user.id, input)),
});
