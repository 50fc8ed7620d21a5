-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Withdrawal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "merchantId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "fee" BIGINT NOT NULL,
    "totalDeduct" BIGINT NOT NULL,
    "method" TEXT NOT NULL,
    "accountNumber" TEXT NOT NULL,
    "accountName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "holdId" TEXT NOT NULL,
    "adminNote" TEXT,
    "failureReason" TEXT,
    "payoutRef" TEXT,
    "payoutProvider" TEXT,
    "payoutSentAt" DATETIME,
    "payoutCheckAt" DATETIME,
    "payoutChecks" INTEGER NOT NULL DEFAULT 0,
    "processedBy" TEXT,
    "processedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Withdrawal_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Withdrawal" ("accountName", "accountNumber", "adminNote", "amount", "createdAt", "failureReason", "fee", "holdId", "id", "merchantId", "method", "payoutProvider", "payoutRef", "payoutSentAt", "processedAt", "processedBy", "status", "totalDeduct", "updatedAt") SELECT "accountName", "accountNumber", "adminNote", "amount", "createdAt", "failureReason", "fee", "holdId", "id", "merchantId", "method", "payoutProvider", "payoutRef", "payoutSentAt", "processedAt", "processedBy", "status", "totalDeduct", "updatedAt" FROM "Withdrawal";
DROP TABLE "Withdrawal";
ALTER TABLE "new_Withdrawal" RENAME TO "Withdrawal";
CREATE UNIQUE INDEX "Withdrawal_holdId_key" ON "Withdrawal"("holdId");
CREATE INDEX "Withdrawal_merchantId_createdAt_idx" ON "Withdrawal"("merchantId", "createdAt");
CREATE INDEX "Withdrawal_status_createdAt_idx" ON "Withdrawal"("status", "createdAt");
CREATE INDEX "Withdrawal_status_payoutCheckAt_idx" ON "Withdrawal"("status", "payoutCheckAt");
CREATE INDEX "Withdrawal_payoutRef_idx" ON "Withdrawal"("payoutRef");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

