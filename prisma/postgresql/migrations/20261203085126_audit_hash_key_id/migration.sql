-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hashKeyId" TEXT NOT NULL DEFAULT 'sha256';

