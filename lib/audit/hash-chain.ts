// Tamper evidence for the audit log: each entry's hash is a keyed MAC (HMAC-SHA-256, key named by
// `hashKeyId`) over its content and the previous entry's hash, so editing, inserting or deleting a row
// breaks every later link, and someone who can write the database but does not hold a key cannot
// recompute the chain (ASVS5 16.2-16.3; docs/decisions/0005-keyed-audit-chain.md).
// Pure: the caller supplies the MAC function (node:crypto and the configured keys on the server).

export const genesisHash = '0'.repeat(64);

/** Key id of entries written before the chain was keyed: plain SHA-256, verifiable by anyone. */
export const unkeyedHashKeyId = 'sha256';

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
  hashKeyId: string;
  hash: string;
};

/** Computes an entry's hash with the key `keyId`; undefined when no such key is configured. */
export type EntryMac = (keyId: string, text: string) => string | undefined;

/** The canonical text hashed for an entry: fixed field order, ISO time, JSON-escaped values. */
export function canonicalEntryText(entry: Omit<ChainedEntry, 'hash'>): string {
  const fields = [
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
  ];
  // Unkeyed entries keep the text they were hashed with; keyed ones also bind the key id, so a row cannot
  // be relabelled to another key (or to the unkeyed scheme) without its hash changing.
  return JSON.stringify(entry.hashKeyId === unkeyedHashKeyId ? fields : ['v2', entry.hashKeyId, ...fields]);
}

export function hashEntry(entry: Omit<ChainedEntry, 'hash'>, mac: EntryMac): string | undefined {
  return mac(entry.hashKeyId, canonicalEntryText(entry));
}

export type ChainBreakReason =
  /** The entry does not link to the one before it: an entry was deleted or inserted. */
  | 'previousHashMismatch'
  /** The entry's content no longer matches its hash: edited (or rehashed without the key). */
  | 'hashMismatch'
  /** The entry names a key that is not configured: forged, or a key was dropped from AUDIT_HMAC_KEYS too early. */
  | 'unknownKey'
  /** An unkeyed entry after a keyed one: a downgrade, since new entries are always keyed. */
  | 'unkeyedAfterKeyed';

export type ChainBreak = { index: number; seq?: number; id: string; reason: ChainBreakReason };

export type ChainCheck = {
  firstBreak: ChainBreak | null;
  /** Entries hashed without a key (written before keying); only a checkpoint can vouch for them. */
  unkeyedEntries: number;
  /** Index of the last unkeyed entry, -1 when there is none. */
  lastUnkeyedIndex: number;
};

/** Verifies entries in chain order; reports the first break, or null when every link holds. */
export function checkChain(entries: readonly (ChainedEntry & { seq?: number })[], mac: EntryMac): ChainCheck {
  let expectedPrevious = genesisHash;
  let unkeyedEntries = 0;
  let lastUnkeyedIndex = -1;
  let seenKeyed = false;
  const broken = (index: number, entry: ChainedEntry & { seq?: number }, reason: ChainBreakReason): ChainCheck => ({
    firstBreak: { index, ...(entry.seq === undefined ? {} : { seq: entry.seq }), id: entry.id, reason },
    unkeyedEntries,
    lastUnkeyedIndex,
  });
  for (const [index, entry] of entries.entries()) {
    if (entry.previousHash !== expectedPrevious) return broken(index, entry, 'previousHashMismatch');
    if (entry.hashKeyId === unkeyedHashKeyId) {
      if (seenKeyed) return broken(index, entry, 'unkeyedAfterKeyed');
      unkeyedEntries++;
      lastUnkeyedIndex = index;
    } else seenKeyed = true;
    const expected = hashEntry(entry, mac);
    if (expected === undefined) return broken(index, entry, 'unknownKey');
    if (expected !== entry.hash) return broken(index, entry, 'hashMismatch');
    expectedPrevious = entry.hash;
  }
  return { firstBreak: null, unkeyedEntries, lastUnkeyedIndex };
}
