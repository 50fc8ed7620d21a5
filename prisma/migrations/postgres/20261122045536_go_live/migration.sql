-- AlterTable
ALTER TABLE "Deposit" ADD COLUMN     "billerCode" TEXT,
ADD COLUMN     "nextStatusCheckAt" TIMESTAMP(3),
ADD COLUMN     "statusChecks" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ProviderEvent" ADD COLUMN     "resolution" TEXT,
ADD COLUMN     "reviewedBy" TEXT;

-- AlterTable
ALTER TABLE "Withdrawal" ADD COLUMN     "payoutProvider" TEXT,
ADD COLUMN     "payoutSentAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PrepaidProduct" ADD COLUMN     "supplierActive" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "supplierCheckedAt" TIMESTAMP(3),
ADD COLUMN     "supplierPrice" BIGINT;

-- CreateIndex
CREATE INDEX "Deposit_providerRef_idx" ON "Deposit"("providerRef");

-- CreateIndex
CREATE INDEX "Deposit_mandateId_idx" ON "Deposit"("mandateId");

-- CreateIndex
CREATE INDEX "Deposit_status_nextStatusCheckAt_idx" ON "Deposit"("status", "nextStatusCheckAt");

