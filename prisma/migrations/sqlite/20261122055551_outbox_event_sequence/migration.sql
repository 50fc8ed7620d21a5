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
    "eventSeq" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Merchant" ("autoApproveWithdrawalsUpTo", "businessName", "createdAt", "id", "lowBalanceAlerted", "lowBalanceThreshold", "phone", "prepaidApiKey", "prepaidIpAllowlist", "status", "suspendedReason", "updatedAt") SELECT "autoApproveWithdrawalsUpTo", "businessName", "createdAt", "id", "lowBalanceAlerted", "lowBalanceThreshold", "phone", "prepaidApiKey", "prepaidIpAllowlist", "status", "suspendedReason", "updatedAt" FROM "Merchant";
DROP TABLE "Merchant";
ALTER TABLE "new_Merchant" RENAME TO "Merchant";
CREATE UNIQUE INDEX "Merchant_phone_key" ON "Merchant"("phone");
CREATE TABLE "new_OutboxEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "merchantId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedBy" TEXT,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" DATETIME,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "test" BOOLEAN NOT NULL DEFAULT false
);
-- Backfill (hand-written): existing events get their merchant's sequence in the old feed order
-- (createdAt, id), and samples (webhook.test, or data starting {"test":true}) are marked `test`.
INSERT INTO "new_OutboxEvent" ("attempts", "createdAt", "data", "deliveredAt", "id", "lastError", "lockedBy", "lockedUntil", "merchantId", "nextAttemptAt", "status", "type", "seq", "test") SELECT "attempts", "createdAt", "data", "deliveredAt", "id", "lastError", "lockedBy", "lockedUntil", "merchantId", "nextAttemptAt", "status", "type", ROW_NUMBER() OVER (PARTITION BY "merchantId" ORDER BY "createdAt", "id"), ("type" = 'webhook.test' OR "data" LIKE '{"test":true%') FROM "OutboxEvent";
DROP TABLE "OutboxEvent";
ALTER TABLE "new_OutboxEvent" RENAME TO "OutboxEvent";
CREATE INDEX "OutboxEvent_merchantId_createdAt_idx" ON "OutboxEvent"("merchantId", "createdAt");
CREATE INDEX "OutboxEvent_status_nextAttemptAt_idx" ON "OutboxEvent"("status", "nextAttemptAt");
CREATE INDEX "OutboxEvent_status_lockedUntil_idx" ON "OutboxEvent"("status", "lockedUntil");
CREATE UNIQUE INDEX "OutboxEvent_merchantId_seq_key" ON "OutboxEvent"("merchantId", "seq");
-- Backfill (hand-written): each merchant's counter continues after its last event.
UPDATE "Merchant" SET "eventSeq" = (SELECT COALESCE(MAX("seq"), 0) FROM "OutboxEvent" WHERE "OutboxEvent"."merchantId" = "Merchant"."id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

