-- CreateTable
CREATE TABLE "UserTwoFactor" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "secret" TEXT NOT NULL,
    "enabledAt" DATETIME,
    "lastUsedStep" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TwoFactorRecoveryCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Merchant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "businessName" TEXT NOT NULL,
    "phone" TEXT,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "autoApproveWithdrawalsUpTo" BIGINT,
    "suspendedReason" TEXT,
    "prepaidApiKey" TEXT,
    "prepaidIpAllowlist" TEXT,
    "lowBalanceThreshold" BIGINT,
    "lowBalanceAlerted" BOOLEAN NOT NULL DEFAULT false,
    "eventSeq" INTEGER NOT NULL DEFAULT 0,
    "requireTwoFactor" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Merchant" ("autoApproveWithdrawalsUpTo", "businessName", "createdAt", "eventSeq", "id", "lowBalanceAlerted", "lowBalanceThreshold", "phone", "prepaidApiKey", "prepaidIpAllowlist", "status", "suspendedReason", "updatedAt") SELECT "autoApproveWithdrawalsUpTo", "businessName", "createdAt", "eventSeq", "id", "lowBalanceAlerted", "lowBalanceThreshold", "phone", "prepaidApiKey", "prepaidIpAllowlist", "status", "suspendedReason", "updatedAt" FROM "Merchant";
DROP TABLE "Merchant";
ALTER TABLE "new_Merchant" RENAME TO "Merchant";
CREATE UNIQUE INDEX "Merchant_phone_key" ON "Merchant"("phone");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "TwoFactorRecoveryCode_codeHash_key" ON "TwoFactorRecoveryCode"("codeHash");

-- CreateIndex
CREATE INDEX "TwoFactorRecoveryCode_userId_idx" ON "TwoFactorRecoveryCode"("userId");

