-- AlterTable
ALTER TABLE "Merchant" ADD COLUMN     "lowBalanceAlerted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lowBalanceThreshold" BIGINT,
ADD COLUMN     "prepaidApiKey" TEXT;

-- AlterTable
ALTER TABLE "Deposit" ADD COLUMN     "mandateId" TEXT;

-- CreateTable
CREATE TABLE "PrepaidProduct" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "operator" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nominal" BIGINT NOT NULL,
    "price" BIGINT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PrepaidProduct_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrepaidOrder" (
    "trId" SERIAL NOT NULL,
    "merchantId" TEXT NOT NULL,
    "refId" TEXT NOT NULL,
    "productCode" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "price" BIGINT NOT NULL,
    "status" INTEGER NOT NULL DEFAULT 0,
    "rc" TEXT NOT NULL DEFAULT '39',
    "message" TEXT NOT NULL DEFAULT 'PROCESS',
    "sn" TEXT,
    "holdId" TEXT,
    "supplierRef" TEXT,
    "failureReason" TEXT,
    "completeAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PrepaidOrder_pkey" PRIMARY KEY ("trId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectDebitMandate" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "bankCode" TEXT NOT NULL,
    "accountNumber" TEXT NOT NULL,
    "accountName" TEXT NOT NULL,
    "targetBalance" BIGINT NOT NULL,
    "monthlyCap" BIGINT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending_otp',
    "otpHash" TEXT,
    "otpExpiresAt" TIMESTAMP(3),
    "failureReason" TEXT,
    "activatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DirectDebitMandate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SweepRule" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "percentBps" INTEGER,
    "minimumBalance" BIGINT,
    "runAtMinute" INTEGER NOT NULL DEFAULT 540,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SweepRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SweepRun" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "journalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SweepRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PrepaidProduct_code_key" ON "PrepaidProduct"("code");

-- CreateIndex
CREATE INDEX "PrepaidProduct_type_operator_idx" ON "PrepaidProduct"("type", "operator");

-- CreateIndex
CREATE UNIQUE INDEX "PrepaidOrder_holdId_key" ON "PrepaidOrder"("holdId");

-- CreateIndex
CREATE INDEX "PrepaidOrder_merchantId_createdAt_idx" ON "PrepaidOrder"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "PrepaidOrder_status_completeAfter_idx" ON "PrepaidOrder"("status", "completeAfter");

-- CreateIndex
CREATE UNIQUE INDEX "PrepaidOrder_merchantId_refId_key" ON "PrepaidOrder"("merchantId", "refId");

-- CreateIndex
CREATE INDEX "Notification_merchantId_createdAt_idx" ON "Notification"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "DirectDebitMandate_merchantId_status_idx" ON "DirectDebitMandate"("merchantId", "status");

-- CreateIndex
CREATE INDEX "SweepRule_merchantId_idx" ON "SweepRule"("merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "SweepRun_ruleId_period_key" ON "SweepRun"("ruleId", "period");

-- AddForeignKey
ALTER TABLE "PrepaidOrder" ADD CONSTRAINT "PrepaidOrder_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectDebitMandate" ADD CONSTRAINT "DirectDebitMandate_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SweepRule" ADD CONSTRAINT "SweepRule_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SweepRun" ADD CONSTRAINT "SweepRun_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "SweepRule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

