-- DropIndex
DROP INDEX "AuditLog_merchantId_createdAt_idx";

-- DropIndex
DROP INDEX "AuditLog_action_createdAt_idx";

-- DropIndex
DROP INDEX "AuditLog_createdAt_idx";

-- CreateIndex
CREATE INDEX "AuditLog_merchantId_createdAt_id_idx" ON "AuditLog"("merchantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_id_idx" ON "AuditLog"("action", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_id_idx" ON "AuditLog"("createdAt", "id");

