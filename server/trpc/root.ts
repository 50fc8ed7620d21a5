import { createCallerFactory, router } from "./init";
import { adminRouter } from "./routers/admin";
import { adminDeskRouter } from "./routers/admin-desk";
import { apiKeysRouter } from "./routers/api-keys";
import { authRouter } from "./routers/auth";
import { depositsRouter } from "./routers/deposits";
import { walletRouter } from "./routers/wallet";
import { withdrawalsRouter } from "./routers/withdrawals";
import { webhooksRouter } from "./routers/webhooks";

export const appRouter = router({
  auth: authRouter,
  wallet: walletRouter,
  admin: adminRouter,
  deposits: depositsRouter,
  apiKeys: apiKeysRouter,
  withdrawals: withdrawalsRouter,
  adminDesk: adminDeskRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
