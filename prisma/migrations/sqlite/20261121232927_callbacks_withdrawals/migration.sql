-- AlterTable
ALTER TABLE "Merchant" ADD COLUMN "autoApproveWithdrawalsUpTo" BIGINT;
ALTER TABLE "Merchant" ADD COLUMN "suspendedReason" TEXT;

-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN "lastError" TEXT;
ALTER TABLE "OutboxEvent" ADD COLUMN "lockedBy" TEXT;
ALTER TABLE "OutboxEvent" ADD COLUMN "lockedUntil" DATETIME;

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "merchantId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "eventTypes" TEXT NOT NULL DEFAULT '*',
    "secret" TEXT NOT NULL,
    "previousSecret" TEXT,
    "previousSecretExpiresAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'active',
    "disabledReason" TEXT,
    "disabledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WebhookEndpoint_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "statusCode" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "responseBody" TEXT,
    "error" TEXT,
    "manual" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeliveryAttempt_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "OutboxEvent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Withdrawal" (
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
    "processedBy" TEXT,
    "processedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Withdrawal_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEndpoint_merchantId_key" ON "WebhookEndpoint"("merchantId");

-- CreateIndex
CREATE INDEX "DeliveryAttempt_eventId_createdAt_idx" ON "DeliveryAttempt"("eventId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Withdrawal_holdId_key" ON "Withdrawal"("holdId");

-- CreateIndex
CREATE INDEX "Withdrawal_merchantId_createdAt_idx" ON "Withdrawal"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "Withdrawal_status_createdAt_idx" ON "Withdrawal"("status", "createdAt");

