-- AlterTable
ALTER TABLE "Withdrawal" ADD COLUMN     "payoutCheckAt" TIMESTAMP(3),
ADD COLUMN     "payoutChecks" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Withdrawal_status_payoutCheckAt_idx" ON "Withdrawal"("status", "payoutCheckAt");

-- CreateIndex
CREATE INDEX "Withdrawal_payoutRef_idx" ON "Withdrawal"("payoutRef");

