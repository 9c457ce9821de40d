-- CreateTable
CREATE TABLE "DeskCase" (
    "id" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "agentName" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "targetUpn" TEXT NOT NULL,
    "targetDisplayName" TEXT NOT NULL,
    "isTargetPrivileged" BOOLEAN NOT NULL,
    "isTargetSupervisor" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endedReason" TEXT,
    "approvalRequestedAt" TIMESTAMP(3),
    "approvedBy" TEXT,
    "approvedByName" TEXT,
    "approvedAt" TIMESTAMP(3),

    CONSTRAINT "DeskCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeskVerification" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT 'pending',
    "channelRef" TEXT,
    "displayNumber" INTEGER,
    "codeHash" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "DeskVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeskTargetBlock" (
    "targetId" TEXT NOT NULL,
    "blockedUntil" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeskTargetBlock_pkey" PRIMARY KEY ("targetId")
);

-- CreateIndex
CREATE INDEX "DeskCase_targetId_createdAt_idx" ON "DeskCase"("targetId", "createdAt");

-- CreateIndex
CREATE INDEX "DeskCase_agentId_createdAt_idx" ON "DeskCase"("agentId", "createdAt");

-- CreateIndex
CREATE INDEX "DeskCase_approvalRequestedAt_idx" ON "DeskCase"("approvalRequestedAt");

-- CreateIndex
CREATE INDEX "DeskVerification_caseId_idx" ON "DeskVerification"("caseId");

-- AddForeignKey
ALTER TABLE "DeskVerification" ADD CONSTRAINT "DeskVerification_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "DeskCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

