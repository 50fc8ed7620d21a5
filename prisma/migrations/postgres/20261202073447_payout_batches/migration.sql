-- AlterTable
ALTER TABLE "Withdrawal" ADD COLUMN     "batchId" TEXT,
ADD COLUMN     "batchRow" INTEGER,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "reference" TEXT;

-- CreateTable
CREATE TABLE "PayoutBatch" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "fileName" TEXT,
    "rowCount" INTEGER NOT NULL,
    "totalAmount" BIGINT NOT NULL,
    "totalFee" BIGINT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PayoutBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PayoutBatch_merchantId_createdAt_idx" ON "PayoutBatch"("merchantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutBatch_merchantId_idempotencyKey_key" ON "PayoutBatch"("merchantId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "Withdrawal_batchId_batchRow_idx" ON "Withdrawal"("batchId", "batchRow");

-- CreateIndex
CREATE INDEX "Withdrawal_batchId_status_idx" ON "Withdrawal"("batchId", "status");

-- AddForeignKey
ALTER TABLE "Withdrawal" ADD CONSTRAINT "Withdrawal_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "PayoutBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutBatch" ADD CONSTRAINT "PayoutBatch_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

