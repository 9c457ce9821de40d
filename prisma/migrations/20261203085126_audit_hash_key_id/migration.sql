-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEvent" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "id" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "subjectId" TEXT,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "detailsJson" TEXT NOT NULL DEFAULT '{}',
    "previousHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "hashKeyId" TEXT NOT NULL DEFAULT 'sha256'
);
INSERT INTO "new_AuditEvent" ("action", "actorId", "actorType", "detailsJson", "hash", "id", "ip", "occurredAt", "outcome", "previousHash", "seq", "subjectId", "userAgent") SELECT "action", "actorId", "actorType", "detailsJson", "hash", "id", "ip", "occurredAt", "outcome", "previousHash", "seq", "subjectId", "userAgent" FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE UNIQUE INDEX "AuditEvent_id_key" ON "AuditEvent"("id");
CREATE UNIQUE INDEX "AuditEvent_previousHash_key" ON "AuditEvent"("previousHash");
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");
CREATE INDEX "AuditEvent_subjectId_occurredAt_idx" ON "AuditEvent"("subjectId", "occurredAt");
CREATE INDEX "AuditEvent_actorId_occurredAt_idx" ON "AuditEvent"("actorId", "occurredAt");
CREATE INDEX "AuditEvent_action_occurredAt_idx" ON "AuditEvent"("action", "occurredAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

