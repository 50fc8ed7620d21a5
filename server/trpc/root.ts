import { createCallerFactory, router } from "./init";
import { accountRouter } from "./routers/account";
import { apiKeysRouter } from "./routers/api-keys";
import { auditLogRouter } from "./routers/audit-log";
import { authRouter } from "./routers/auth";
import { bankMutationsRouter } from "./routers/bank-mutations";
import { depositsRouter } from "./routers/deposits";
import { docsRouter } from "./routers/docs";
import { insightsRouter } from "./routers/insights";
import { mailLogRouter } from "./routers/mail-log";
import { merchantsRouter } from "./routers/merchants";
import { notificationPreferencesRouter } from "./routers/notification-preferences";
import { paymentLinksRouter } from "./routers/payment-links";
import { payoutBatchDeskRouter, payoutBatchesRouter } from "./routers/payout-batches";
import { prepaidRouter } from "./routers/prepaid";
import { productCatalogueRouter } from "./routers/product-catalogue";
import { receiptsRouter } from "./routers/receipts";
import { treasuryRouter } from "./routers/treasury";
import { walletRouter } from "./routers/wallet";
import { withdrawalDeskRouter } from "./routers/withdrawal-desk";
import { withdrawalsRouter } from "./routers/withdrawals";
import { twoFactorRouter } from "./routers/two-factor";
import { webhooksRouter } from "./routers/webhooks";
import { staffRouter } from "./routers/staff";
import { teamRouter } from "./routers/team";

// Merchant routers first, then the admin's (each named as the admin menu names it).
export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  wallet: walletRouter,
  deposits: depositsRouter,
  withdrawals: withdrawalsRouter,
  twoFactor: twoFactorRouter,
  prepaid: prepaidRouter,
  treasury: treasuryRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
  docs: docsRouter,
  insights: insightsRouter,
  receipts: receiptsRouter,
  team: teamRouter,
  notificationPreferences: notificationPreferencesRouter,
  paymentLinks: paymentLinksRouter,
  merchants: merchantsRouter,
  withdrawalDesk: withdrawalDeskRouter,
  payoutBatches: payoutBatchesRouter,
  payoutBatchDesk: payoutBatchDeskRouter,
  bankMutations: bankMutationsRouter,
  auditLog: auditLogRouter,
  productCatalogue: productCatalogueRouter,
  staff: staffRouter,
  mailLog: mailLogRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
