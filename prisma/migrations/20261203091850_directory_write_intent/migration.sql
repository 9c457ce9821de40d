-- CreateTable
CREATE TABLE "DirectoryWriteIntent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "resetSessionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "leaseExpiresAt" DATETIME NOT NULL,
    "settledAt" DATETIME,
    "outcome" TEXT,
    "locale" TEXT NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT
);

-- CreateIndex
CREATE INDEX "DirectoryWriteIntent_resetSessionId_idx" ON "DirectoryWriteIntent"("resetSessionId");

-- CreateIndex
CREATE INDEX "DirectoryWriteIntent_settledAt_leaseExpiresAt_idx" ON "DirectoryWriteIntent"("settledAt", "leaseExpiresAt");

