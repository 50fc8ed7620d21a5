-- CreateTable
CREATE TABLE "PayoutBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "merchantId" TEXT NOT NULL,
    "fileName" TEXT,
    "rowCount" INTEGER NOT NULL,
    "totalAmount" BIGINT NOT NULL,
    "totalFee" BIGINT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PayoutBatch_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

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
    "idempotencyKey" TEXT,
    "processedBy" TEXT,
    "processedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "batchId" TEXT,
    "batchRow" INTEGER,
    "note" TEXT,
    "reference" TEXT,
    CONSTRAINT "Withdrawal_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Withdrawal_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "PayoutBatch" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Withdrawal" ("accountName", "accountNumber", "adminNote", "amount", "createdAt", "failureReason", "fee", "holdId", "id", "idempotencyKey", "merchantId", "method", "payoutCheckAt", "payoutChecks", "payoutProvider", "payoutRef", "payoutSentAt", "processedAt", "processedBy", "status", "totalDeduct", "updatedAt") SELECT "accountName", "accountNumber", "adminNote", "amount", "createdAt", "failureReason", "fee", "holdId", "id", "idempotencyKey", "merchantId", "method", "payoutCheckAt", "payoutChecks", "payoutProvider", "payoutRef", "payoutSentAt", "processedAt", "processedBy", "status", "totalDeduct", "updatedAt" FROM "Withdrawal";
DROP TABLE "Withdrawal";
ALTER TABLE "new_Withdrawal" RENAME TO "Withdrawal";
CREATE UNIQUE INDEX "Withdrawal_holdId_key" ON "Withdrawal"("holdId");
CREATE INDEX "Withdrawal_batchId_batchRow_idx" ON "Withdrawal"("batchId", "batchRow");
CREATE INDEX "Withdrawal_batchId_status_idx" ON "Withdrawal"("batchId", "status");
CREATE INDEX "Withdrawal_merchantId_createdAt_idx" ON "Withdrawal"("merchantId", "createdAt");
CREATE INDEX "Withdrawal_status_createdAt_idx" ON "Withdrawal"("status", "createdAt");
CREATE INDEX "Withdrawal_status_payoutCheckAt_idx" ON "Withdrawal"("status", "payoutCheckAt");
CREATE INDEX "Withdrawal_payoutRef_idx" ON "Withdrawal"("payoutRef");
CREATE INDEX "Withdrawal_processedAt_idx" ON "Withdrawal"("processedAt");
CREATE UNIQUE INDEX "Withdrawal_merchantId_idempotencyKey_key" ON "Withdrawal"("merchantId", "idempotencyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PayoutBatch_merchantId_createdAt_idx" ON "PayoutBatch"("merchantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutBatch_merchantId_idempotencyKey_key" ON "PayoutBatch"("merchantId", "idempotencyKey");

