import 'server-only';
// Appends one entry to the keyed hash-chained audit log (HMAC-SHA-256 with the first AUDIT_HMAC_KEYS key;
// docs/decisions/0005-keyed-audit-chain.md). The chain head is read and extended inside one transaction;
// `previousHash` is unique, so when two writers race the loser's insert fails and it retries on the new
// head instead of forking the chain.
import { randomUUID } from 'node:crypto';
import { genesisHash, hashEntry, type ChainedEntry } from '../../lib/audit/hash-chain';
import { AppError } from '../../lib/app-error';
import { isPostgresClient, type DatabaseClient } from '../database/create-database-client';
import type { AuditKeyring } from './audit-hmac-keys';
import { getAuditSettings } from './audit-settings';
import { errorCodeOf } from '@/lib/error-code-of';

export type AuditEventInput = {
  occurredAt: Date;
  actorType: 'user' | 'agent' | 'system' | 'admin';
  actorId?: string | null;
  subjectId?: string | null;
  action: string;
  outcome: 'success' | 'failure' | 'denied' | 'info';
  ip?: string | null;
  userAgent?: string | null;
  /** Never a password, code or token: callers pass identifiers and results only. */
  details?: Record<string, string | number | boolean | null | string[]>;
};

const maxAttempts = 20;
/** Arbitrary constant naming the audit chain's advisory lock. */
const auditChainLockKey = 7_305_012_026;

// Under a burst every append queues for a pool connection and then for the advisory lock: Prisma's defaults (2 s to
// get a connection, 5 s in all) lost entries with "Unable to start a transaction in the given time".
const auditTransactionOptions = { maxWait: 10_000, timeout: 15_000 };

export async function appendAuditEvent(
  db: DatabaseClient,
  input: AuditEventInput,
  keyring: AuditKeyring = getAuditSettings().keyring,
): Promise<ChainedEntry> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        // PostgreSQL (read committed) lets every concurrent append read the same head; under a burst the unique
        // previousHash retry alone can run out. A transaction-scoped advisory lock serialises appends there.
        // SQLite transactions are already serialised by its write lock.
        if (isPostgresClient(db)) await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${auditChainLockKey})`);
        const head = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } });
        const unhashed = {
          id: randomUUID(),
          occurredAt: input.occurredAt,
          actorType: input.actorType,
          actorId: input.actorId ?? null,
          subjectId: input.subjectId ?? null,
          action: input.action,
          outcome: input.outcome,
          ip: input.ip ?? null,
          userAgent: input.userAgent ?? null,
          detailsJson: JSON.stringify(input.details ?? {}),
          previousHash: head?.hash ?? genesisHash,
          hashKeyId: keyring.signingKeyId,
        };
        const hash = hashEntry(unhashed, keyring.mac);
        if (hash === undefined) throw new AppError('INTERNAL', 'the audit signing key is missing from the keyring');
        const entry = { ...unhashed, hash };
        await tx.auditEvent.create({ data: entry });
        return entry;
      }, auditTransactionOptions);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt === maxAttempts) throw error;
    }
  }
  throw new AppError('INTERNAL', 'audit log append did not complete');
}

function isUniqueViolation(error: unknown): boolean {
  return errorCodeOf(error) === 'P2002';
}
