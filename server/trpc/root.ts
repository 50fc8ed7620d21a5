import { createCallerFactory, router } from "./init";
import { apiKeysRouter } from "./routers/api-keys";
import { auditLogRouter } from "./routers/audit-log";
import { authRouter } from "./routers/auth";
import { bankMutationsRouter } from "./routers/bank-mutations";
import { depositsRouter } from "./routers/deposits";
import { docsRouter } from "./routers/docs";
import { insightsRouter } from "./routers/insights";
import { merchantsRouter } from "./routers/merchants";
import { payoutBatchDeskRouter, payoutBatchesRouter } from "./routers/payout-batches";
import { prepaidRouter } from "./routers/prepaid";
import { productCatalogueRouter } from "./routers/product-catalogue";
import { receiptsRouter } from "./routers/receipts";
import { treasuryRouter } from "./routers/treasury";
import { walletRouter } from "./routers/wallet";
import { withdrawalDeskRouter } from "./routers/withdrawal-desk";
import { withdrawalsRouter } from "./routers/withdrawals";
import { webhooksRouter } from "./routers/webhooks";

// Merchant routers first, then the admin's (each named as the admin menu names it).
export const appRouter = router({
  auth: authRouter,
  wallet: walletRouter,
  deposits: depositsRouter,
  withdrawals: withdrawalsRouter,
  prepaid: prepaidRouter,
  treasury: treasuryRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
  docs: docsRouter,
  insights: insightsRouter,
  receipts: receiptsRouter,
  merchants: merchantsRouter,
  withdrawalDesk: withdrawalDeskRouter,
  payoutBatches: payoutBatchesRouter,
  payoutBatchDesk: payoutBatchDeskRouter,
  bankMutations: bankMutationsRouter,
  auditLog: auditLogRouter,
  productCatalogue: productCatalogueRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
