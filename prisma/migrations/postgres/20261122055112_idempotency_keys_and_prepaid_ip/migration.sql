-- AlterTable
ALTER TABLE "Merchant" ADD COLUMN     "prepaidIpAllowlist" TEXT;

-- AlterTable
ALTER TABLE "Deposit" ADD COLUMN     "idempotencyKey" TEXT;

-- AlterTable
ALTER TABLE "Withdrawal" ADD COLUMN     "idempotencyKey" TEXT;

-- AlterTable
ALTER TABLE "IdempotencyRecord" ADD COLUMN     "lockedUntil" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "Deposit_merchantId_idempotencyKey_key" ON "Deposit"("merchantId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Withdrawal_merchantId_idempotencyKey_key" ON "Withdrawal"("merchantId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");

