-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ResetSession" (
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
    "endedReason" TEXT,
    "accountResolvedAt" DATETIME,
    "hasMfaRegistered" BOOLEAN NOT NULL DEFAULT false,
    "passwordClaimedAt" DATETIME,
    "otherSessionsRevokedAt" DATETIME,
    "returnUrl" TEXT
);
INSERT INTO "new_ResetSession" ("completedAt", "createdAt", "endedReason", "expiresAt", "failures", "id", "purpose", "servicesJson", "starsEarned", "userId", "username") SELECT "completedAt", "createdAt", "endedReason", "expiresAt", "failures", "id", "purpose", "servicesJson", "starsEarned", "userId", "username" FROM "ResetSession";
DROP TABLE "ResetSession";
ALTER TABLE "new_ResetSession" RENAME TO "ResetSession";
CREATE INDEX "ResetSession_username_createdAt_idx" ON "ResetSession"("username", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

