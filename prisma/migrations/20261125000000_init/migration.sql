-- CreateTable
CREATE TABLE "AuditEvent" (
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
    "hash" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "PolicySet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PolicySetVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "policySetId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "createdBy" TEXT,
    "comment" TEXT NOT NULL DEFAULT '',
    "policiesJson" TEXT NOT NULL,
    "namedLocationsJson" TEXT NOT NULL DEFAULT '[]',
    "authenticationStrengthsJson" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "PolicySetVersion_policySetId_fkey" FOREIGN KEY ("policySetId") REFERENCES "PolicySet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResetSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "purpose" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "userId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "starsEarned" INTEGER NOT NULL DEFAULT 0,
    "servicesJson" TEXT NOT NULL DEFAULT '[]',
    "failures" INTEGER NOT NULL DEFAULT 0,
    "completedAt" DATETIME,
    "endedReason" TEXT
);

-- CreateTable
CREATE TABLE "VerificationChallenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "resetSessionId" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "codeHash" TEXT,
    "stateHash" TEXT,
    "nonce" TEXT,
    "codeVerifier" TEXT,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "consumedAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "VerificationChallenge_resetSessionId_fkey" FOREIGN KEY ("resetSessionId") REFERENCES "ResetSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PortalCredential" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "credentialId" TEXT,
    "publicKey" TEXT,
    "counter" INTEGER NOT NULL DEFAULT 0,
    "transports" TEXT NOT NULL DEFAULT '',
    "secretSealed" TEXT,
    "createdAt" DATETIME NOT NULL,
    "lastUsedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_id_key" ON "AuditEvent"("id");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_previousHash_key" ON "AuditEvent"("previousHash");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_subjectId_occurredAt_idx" ON "AuditEvent"("subjectId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_occurredAt_idx" ON "AuditEvent"("actorId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_action_occurredAt_idx" ON "AuditEvent"("action", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "PolicySet_name_key" ON "PolicySet"("name");

-- CreateIndex
CREATE UNIQUE INDEX "PolicySetVersion_policySetId_version_key" ON "PolicySetVersion"("policySetId", "version");

-- CreateIndex
CREATE INDEX "ResetSession_username_createdAt_idx" ON "ResetSession"("username", "createdAt");

-- CreateIndex
CREATE INDEX "VerificationChallenge_resetSessionId_idx" ON "VerificationChallenge"("resetSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "PortalCredential_credentialId_key" ON "PortalCredential"("credentialId");

-- CreateIndex
CREATE INDEX "PortalCredential_userId_kind_idx" ON "PortalCredential"("userId", "kind");

