-- CreateTable
CREATE TABLE "PaymentLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "merchantId" TEXT NOT NULL,
    "amount" BIGINT,
    "minAmount" BIGINT,
    "maxAmount" BIGINT,
    "description" TEXT NOT NULL,
    "expiresAt" DATETIME,
    "singleUse" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'active',
    "paymentSeq" INTEGER NOT NULL DEFAULT 0,
    "completedAt" DATETIME,
    "deactivatedAt" DATETIME,
    "idempotencyKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PaymentLink_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Deposit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "merchantId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'topup',
    "amount" BIGINT NOT NULL,
    "uniqueCode" INTEGER,
    "fee" BIGINT NOT NULL,
    "total" BIGINT NOT NULL,
    "creditAmount" BIGINT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "provider" TEXT NOT NULL,
    "providerRef" TEXT,
    "vaNumber" TEXT,
    "billerCode" TEXT,
    "qrisPayload" TEXT,
    "openKey" TEXT,
    "expiredAt" DATETIME NOT NULL,
    "paidAt" DATETIME,
    "paidAmount" BIGINT,
    "cancelledAt" DATETIME,
    "expiredReason" TEXT,
    "mandateId" TEXT,
    "nextStatusCheckAt" DATETIME,
    "statusChecks" INTEGER NOT NULL DEFAULT 0,
    "idempotencyKey" TEXT,
    "paymentLinkId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Deposit_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Deposit_paymentLinkId_fkey" FOREIGN KEY ("paymentLinkId") REFERENCES "PaymentLink" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Deposit" ("amount", "billerCode", "cancelledAt", "channel", "createdAt", "creditAmount", "expiredAt", "expiredReason", "fee", "id", "idempotencyKey", "mandateId", "merchantId", "method", "nextStatusCheckAt", "openKey", "paidAmount", "paidAt", "provider", "providerRef", "qrisPayload", "status", "statusChecks", "total", "uniqueCode", "updatedAt", "vaNumber") SELECT "amount", "billerCode", "cancelledAt", "channel", "createdAt", "creditAmount", "expiredAt", "expiredReason", "fee", "id", "idempotencyKey", "mandateId", "merchantId", "method", "nextStatusCheckAt", "openKey", "paidAmount", "paidAt", "provider", "providerRef", "qrisPayload", "status", "statusChecks", "total", "uniqueCode", "updatedAt", "vaNumber" FROM "Deposit";
DROP TABLE "Deposit";
ALTER TABLE "new_Deposit" RENAME TO "Deposit";
CREATE UNIQUE INDEX "Deposit_openKey_key" ON "Deposit"("openKey");
CREATE INDEX "Deposit_merchantId_createdAt_idx" ON "Deposit"("merchantId", "createdAt");
CREATE INDEX "Deposit_paymentLinkId_status_idx" ON "Deposit"("paymentLinkId", "status");
CREATE INDEX "Deposit_status_expiredAt_idx" ON "Deposit"("status", "expiredAt");
CREATE INDEX "Deposit_vaNumber_idx" ON "Deposit"("vaNumber");
CREATE INDEX "Deposit_providerRef_idx" ON "Deposit"("providerRef");
CREATE INDEX "Deposit_mandateId_idx" ON "Deposit"("mandateId");
CREATE INDEX "Deposit_status_nextStatusCheckAt_idx" ON "Deposit"("status", "nextStatusCheckAt");
CREATE UNIQUE INDEX "Deposit_merchantId_idempotencyKey_key" ON "Deposit"("merchantId", "idempotencyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PaymentLink_merchantId_createdAt_idx" ON "PaymentLink"("merchantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentLink_merchantId_idempotencyKey_key" ON "PaymentLink"("merchantId", "idempotencyKey");

