// Appends one entry to the keyed hash-chained audit log (HMAC-SHA-256 with the first AUDIT_HMAC_KEYS key;
// docs/decisions/0005-keyed-audit-chain.md). The chain head is read and extended inside one transaction;
// `previousHash` is unique, so when two writers race the loser's insert fails and it retries on the new
// head instead of forking the chain. A process groups the appends that arrive while one is committing.
import { randomUUID } from 'node:crypto';
import { genesisHash, hashEntry, type ChainedEntry } from '../../lib/audit/hash-chain';
import { AppError } from '../../lib/app-error';
import { isPostgresClient, type DatabaseClient } from '../database/create-database-client';
import type { AuditKeyring } from './audit-hmac-keys';
import { getAuditSettings } from './audit-settings';

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
/** Entries appended in one transaction at most. */
const maxBatch = 100;

// Under a burst every append queues for a pool connection and then for the advisory lock: Prisma's defaults (2 s to
// get a connection, 5 s in all) lost entries with "Unable to start a transaction in the given time".
const auditTransactionOptions = { maxWait: 10_000, timeout: 15_000 };

type PendingAppend = {
  input: AuditEventInput;
  keyring: AuditKeyring;
  resolve: (entry: ChainedEntry) => void;
  reject: (error: unknown) => void;
};
type AppendQueue = { pending: PendingAppend[]; isFlushing: boolean };
const queues = new WeakMap<DatabaseClient, AppendQueue>();

/**
 * Appends one entry; resolves once it is committed. Appends from one process are grouped: while one
 * transaction holds the chain's head, the entries that arrive meanwhile wait and go together in the next
 * (one lock, one head read, one insert). Under a burst of starts the chain grew by one entry per
 * transaction, each holding the advisory lock and a pooled connection for four round trips, so the chain
 * capped every instance's audit rate at about 30 entries a second (bench/start-step-postgres.bench.ts);
 * grouped, one transaction carries up to 100. Entries keep the order of the calls.
 */
export function appendAuditEvent(
  db: DatabaseClient,
  input: AuditEventInput,
  keyring: AuditKeyring = getAuditSettings().keyring,
): Promise<ChainedEntry> {
  let queue = queues.get(db);
  if (!queue) {
    queue = { pending: [], isFlushing: false };
    queues.set(db, queue);
  }
  const promise = new Promise<ChainedEntry>((resolve, reject) =>
    queue.pending.push({ input, keyring, resolve, reject }),
  );
  if (!queue.isFlushing) void flush(db, queue);
  return promise;
}

async function flush(db: DatabaseClient, queue: AppendQueue): Promise<void> {
  queue.isFlushing = true;
  try {
    while (queue.pending.length > 0) {
      const batch = queue.pending.splice(0, maxBatch);
      try {
        const entries = await appendBatch(db, batch);
        batch.forEach((pending, index) => {
          const entry = entries[index];
          if (entry) pending.resolve(entry);
          else pending.reject(new AppError('INTERNAL', 'audit log append did not complete'));
        });
      } catch (error) {
        if (batch.length === 1) {
          batch[0]?.reject(error);
          continue;
        }
        // One bad entry (a key missing from its keyring) must not fail the others: each on its own.
        for (const pending of batch)
          await appendBatch(db, [pending]).then(
            ([entry]) => (entry ? pending.resolve(entry) : pending.reject(error)),
            (single: unknown) => pending.reject(single),
          );
      }
    }
  } finally {
    queue.isFlushing = false;
  }
}

/** One transaction: the head read and the batch's entries chained onto it, in order. */
async function appendBatch(db: DatabaseClient, batch: PendingAppend[]): Promise<ChainedEntry[]> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        // PostgreSQL (read committed) lets every concurrent append read the same head; under a burst the unique
        // previousHash retry alone can run out. A transaction-scoped advisory lock serialises appends there
        // (across instances). SQLite transactions are already serialised by its write lock.
        if (isPostgresClient(db)) await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${auditChainLockKey})`);
        const head = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } });
        let previousHash = head?.hash ?? genesisHash;
        const entries = batch.map(({ input, keyring }) => {
          const entry = chained(input, keyring, previousHash);
          previousHash = entry.hash;
          return entry;
        });
        // One multi-row INSERT: its rows take their seq in the order of the list.
        await tx.auditEvent.createMany({ data: entries });
        return entries;
      }, auditTransactionOptions);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt === maxAttempts) throw error;
    }
  }
  throw new AppError('INTERNAL', 'audit log append did not complete');
}

function chained(input: AuditEventInput, keyring: AuditKeyring, previousHash: string): ChainedEntry {
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
    previousHash,
    hashKeyId: keyring.signingKeyId,
  };
  const hash = hashEntry(unhashed, keyring.mac);
  if (hash === undefined) throw new AppError('INTERNAL', 'the audit signing key is missing from the keyring');
  return { ...unhashed, hash };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}
