-- AlterTable
ALTER TABLE "ResetSession" ADD COLUMN     "accountResolvedAt" TIMESTAMP(3),
ADD COLUMN     "hasMfaRegistered" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "otherSessionsRevokedAt" TIMESTAMP(3),
ADD COLUMN     "passwordClaimedAt" TIMESTAMP(3),
ADD COLUMN     "returnUrl" TEXT;

