-- AlterTable
ALTER TABLE "Merchant" ADD COLUMN     "eventSeq" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN     "seq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "test" BOOLEAN NOT NULL DEFAULT false;

-- Backfill (hand-written): existing events get their merchant's sequence in the old feed order
-- (createdAt, id), samples (webhook.test, or data starting {"test":true}) are marked `test`, and
-- each merchant's counter continues after its last event.
UPDATE "OutboxEvent" AS e SET "seq" = r.n
FROM (SELECT "id", ROW_NUMBER() OVER (PARTITION BY "merchantId" ORDER BY "createdAt", "id") AS n FROM "OutboxEvent") AS r
WHERE r."id" = e."id";
UPDATE "OutboxEvent" SET "test" = true WHERE "type" = 'webhook.test' OR "data" LIKE '{"test":true%';
UPDATE "Merchant" AS m SET "eventSeq" = s.last
FROM (SELECT "merchantId", MAX("seq") AS last FROM "OutboxEvent" GROUP BY "merchantId") AS s
WHERE s."merchantId" = m."id";

-- CreateIndex
CREATE INDEX "OutboxEvent_status_lockedUntil_idx" ON "OutboxEvent"("status", "lockedUntil");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_merchantId_seq_key" ON "OutboxEvent"("merchantId", "seq");

