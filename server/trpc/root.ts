import { createCallerFactory, router } from "./init";
import { adminRouter } from "./routers/admin";
import { apiKeysRouter } from "./routers/api-keys";
import { authRouter } from "./routers/auth";
import { depositsRouter } from "./routers/deposits";
import { walletRouter } from "./routers/wallet";

export const appRouter = router({
  auth: authRouter,
  wallet: walletRouter,
  admin: adminRouter,
  deposits: depositsRouter,
  apiKeys: apiKeysRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
