import { createCallerFactory, router } from "./init";
import { adminRouter } from "./routers/admin";
import { adminDeskRouter } from "./routers/admin-desk";
import { adminProductsRouter } from "./routers/admin-products";
import { apiKeysRouter } from "./routers/api-keys";
import { authRouter } from "./routers/auth";
import { depositsRouter } from "./routers/deposits";
import { docsRouter } from "./routers/docs";
import { prepaidRouter } from "./routers/prepaid";
import { treasuryRouter } from "./routers/treasury";
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
  treasury: treasuryRouter,
  docs: docsRouter,
  prepaid: prepaidRouter,
  adminProducts: adminProductsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
