-- AlterTable
ALTER TABLE "ProviderEvent" ADD COLUMN "resolution" TEXT;
ALTER TABLE "ProviderEvent" ADD COLUMN "reviewedBy" TEXT;

-- AlterTable
ALTER TABLE "Withdrawal" ADD COLUMN "payoutProvider" TEXT;
ALTER TABLE "Withdrawal" ADD COLUMN "payoutSentAt" DATETIME;

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
    "mandateId" TEXT,
    "nextStatusCheckAt" DATETIME,
    "statusChecks" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Deposit_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Deposit" ("amount", "cancelledAt", "channel", "createdAt", "creditAmount", "expiredAt", "fee", "id", "mandateId", "merchantId", "method", "openKey", "paidAmount", "paidAt", "provider", "providerRef", "qrisPayload", "status", "total", "uniqueCode", "updatedAt", "vaNumber") SELECT "amount", "cancelledAt", "channel", "createdAt", "creditAmount", "expiredAt", "fee", "id", "mandateId", "merchantId", "method", "openKey", "paidAmount", "paidAt", "provider", "providerRef", "qrisPayload", "status", "total", "uniqueCode", "updatedAt", "vaNumber" FROM "Deposit";
DROP TABLE "Deposit";
ALTER TABLE "new_Deposit" RENAME TO "Deposit";
CREATE UNIQUE INDEX "Deposit_openKey_key" ON "Deposit"("openKey");
CREATE INDEX "Deposit_merchantId_createdAt_idx" ON "Deposit"("merchantId", "createdAt");
CREATE INDEX "Deposit_status_expiredAt_idx" ON "Deposit"("status", "expiredAt");
CREATE INDEX "Deposit_vaNumber_idx" ON "Deposit"("vaNumber");
CREATE INDEX "Deposit_providerRef_idx" ON "Deposit"("providerRef");
CREATE INDEX "Deposit_mandateId_idx" ON "Deposit"("mandateId");
CREATE INDEX "Deposit_status_nextStatusCheckAt_idx" ON "Deposit"("status", "nextStatusCheckAt");
CREATE TABLE "new_PrepaidProduct" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "operator" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nominal" BIGINT NOT NULL,
    "price" BIGINT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "supplierPrice" BIGINT,
    "supplierActive" BOOLEAN NOT NULL DEFAULT true,
    "supplierCheckedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_PrepaidProduct" ("active", "code", "createdAt", "id", "name", "nominal", "operator", "price", "type", "updatedAt") SELECT "active", "code", "createdAt", "id", "name", "nominal", "operator", "price", "type", "updatedAt" FROM "PrepaidProduct";
DROP TABLE "PrepaidProduct";
ALTER TABLE "new_PrepaidProduct" RENAME TO "PrepaidProduct";
CREATE UNIQUE INDEX "PrepaidProduct_code_key" ON "PrepaidProduct"("code");
CREATE INDEX "PrepaidProduct_type_operator_idx" ON "PrepaidProduct"("type", "operator");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

