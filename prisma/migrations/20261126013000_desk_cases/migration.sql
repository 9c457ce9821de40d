-- CreateTable
CREATE TABLE "DeskCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agentId" TEXT NOT NULL,
    "agentName" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "targetUpn" TEXT NOT NULL,
    "targetDisplayName" TEXT NOT NULL,
    "isTargetPrivileged" BOOLEAN NOT NULL,
    "isTargetSupervisor" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "endedReason" TEXT,
    "approvalRequestedAt" DATETIME,
    "approvedBy" TEXT,
    "approvedByName" TEXT,
    "approvedAt" DATETIME
);

-- CreateTable
CREATE TABLE "DeskVerification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT 'pending',
    "channelRef" TEXT,
    "displayNumber" INTEGER,
    "codeHash" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    CONSTRAINT "DeskVerification_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "DeskCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeskTargetBlock" (
    "targetId" TEXT NOT NULL PRIMARY KEY,
    "blockedUntil" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "DeskCase_targetId_createdAt_idx" ON "DeskCase"("targetId", "createdAt");

-- CreateIndex
CREATE INDEX "DeskCase_agentId_createdAt_idx" ON "DeskCase"("agentId", "createdAt");

-- CreateIndex
CREATE INDEX "DeskCase_approvalRequestedAt_idx" ON "DeskCase"("approvalRequestedAt");

-- CreateIndex
CREATE INDEX "DeskVerification_caseId_idx" ON "DeskVerification"("caseId");

