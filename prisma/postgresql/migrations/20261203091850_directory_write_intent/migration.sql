-- CreateTable
CREATE TABLE "DirectoryWriteIntent" (
    "id" TEXT NOT NULL,
    "resetSessionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "leaseExpiresAt" TIMESTAMP(3) NOT NULL,
    "settledAt" TIMESTAMP(3),
    "outcome" TEXT,
    "locale" TEXT NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "DirectoryWriteIntent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DirectoryWriteIntent_resetSessionId_idx" ON "DirectoryWriteIntent"("resetSessionId");

-- CreateIndex
CREATE INDEX "DirectoryWriteIntent_settledAt_leaseExpiresAt_idx" ON "DirectoryWriteIntent"("settledAt", "leaseExpiresAt");

