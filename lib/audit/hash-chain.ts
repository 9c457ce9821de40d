// Tamper evidence for the audit log: each entry's hash covers its content and the previous entry's
// hash, so editing, inserting or deleting a row breaks every later link (ASVS5 16.2-16.3).
// Pure: the caller supplies a SHA-256 function (node:crypto on the server).

export const genesisHash = '0'.repeat(64);

export type ChainedEntry = {
  id: string;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  subjectId: string | null;
  action: string;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  detailsJson: string;
  previousHash: string;
  hash: string;
};

export type Sha256 = (text: string) => string;

/** The canonical text hashed for an entry: fixed field order, ISO time, JSON-escaped values. */
export function canonicalEntryText(entry: Omit<ChainedEntry, 'hash'>): string {
  return JSON.stringify([
    entry.id,
    entry.occurredAt.toISOString(),
    entry.actorType,
    entry.actorId,
    entry.subjectId,
    entry.action,
    entry.outcome,
    entry.ip,
    entry.userAgent,
    entry.detailsJson,
    entry.previousHash,
  ]);
}

export function hashEntry(entry: Omit<ChainedEntry, 'hash'>, sha256: Sha256): string {
  return sha256(canonicalEntryText(entry));
}

export type ChainBreak = { index: number; id: string; reason: 'previousHashMismatch' | 'hashMismatch' };

/** Verifies entries in chain order; returns the first break, or null when the chain is intact. */
export function findChainBreak(entries: readonly ChainedEntry[], sha256: Sha256): ChainBreak | null {
  let expectedPrevious = genesisHash;
  for (const [index, entry] of entries.entries()) {
    if (entry.previousHash !== expectedPrevious) return { index, id: entry.id, reason: 'previousHashMismatch' };
    if (hashEntry(entry, sha256) !== entry.hash) return { index, id: entry.id, reason: 'hashMismatch' };
    expectedPrevious = entry.hash;
  }
  return null;
}
