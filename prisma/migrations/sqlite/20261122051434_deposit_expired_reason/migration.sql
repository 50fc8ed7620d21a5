-- AlterTable
ALTER TABLE "Deposit" ADD COLUMN "expiredReason" TEXT;


-- Deposits cancelled before this column existed are known; the other expired ones (clock or
-- failed) cannot be told apart and stay NULL, so they are never paid late without an admin.
UPDATE "Deposit" SET "expiredReason" = 'cancelled' WHERE "status" = 'expired' AND "cancelledAt" IS NOT NULL;
