// Signed checkpoints of the audit chain, kept outside the database: each records how far the chain went
// (sequence number, entry count) and its head hash at that moment. The keyed chain already makes edits and
// gaps detectable; a checkpoint adds what a chain alone cannot show: that the newest entries were deleted
// (truncation), or that the whole chain was rebuilt by someone holding the HMAC key.
// Pure: signing and verification (Ed25519, node:crypto) are the server's; this file defines the record,
// the exact bytes signed and the comparison with the log.
import { z } from 'zod';

export const checkpointType = 'verity.audit.checkpoint';

export const checkpointSchema = z.object({
  type: z.literal(checkpointType),
  v: z.literal(1),
  /** Which audit log this is (AUDIT_CHAIN_NAME, else derived from DATABASE_URL without credentials). */
  chain: z.string().min(1),
  seq: z.number().int().min(0),
  entries: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  writtenAt: z.iso.datetime(),
  /** Which Ed25519 key signed (SHA-256 of its SubjectPublicKeyInfo, first 16 hex digits). */
  kid: z.string().regex(/^[0-9a-f]{16}$/),
  sig: z.string().regex(/^[A-Za-z0-9_-]+$/),
});

export type Checkpoint = z.infer<typeof checkpointSchema>;
export type UnsignedCheckpoint = Omit<Checkpoint, 'sig'>;

/** The exact text that is signed: every field but the signature, in a fixed order. */
export function checkpointSignedText(checkpoint: UnsignedCheckpoint): string {
  return JSON.stringify([
    checkpoint.type,
    checkpoint.v,
    checkpoint.chain,
    checkpoint.seq,
    checkpoint.entries,
    checkpoint.hash,
    checkpoint.writtenAt,
    checkpoint.kid,
  ]);
}

export type LoggedEntry = { seq: number; hash: string };

export type CheckpointProblem =
  /** The log now ends before the checkpoint's sequence number: the newest entries were deleted. */
  | { kind: 'truncated'; checkpoint: Checkpoint; lastSeq: number; entriesNow: number }
  /** The entry the checkpoint names is gone or has another hash: the chain was rebuilt from there on. */
  | { kind: 'checkpointMismatch'; checkpoint: Checkpoint; foundHash: string | null }
  /** Fewer entries up to the checkpoint than it counted (some deleted and the chain re-linked with the key). */
  | { kind: 'entriesMissing'; checkpoint: Checkpoint; entriesNow: number };

/**
 * Compares the log (chain order) with this chain's checkpoints, newest first so a truncation is named
 * against the latest checkpoint. Returns the first problem, or null.
 */
export function compareWithCheckpoints(
  entries: readonly LoggedEntry[],
  checkpoints: readonly Checkpoint[],
): CheckpointProblem | null {
  const lastSeq = entries.at(-1)?.seq ?? 0;
  const indexBySeq = new Map(entries.map((entry, index) => [entry.seq, index]));
  const newestFirst = [...checkpoints].sort((a, b) => b.seq - a.seq);
  for (const checkpoint of newestFirst) {
    if (checkpoint.seq === 0) continue; // a checkpoint of the empty log proves nothing about rows
    if (lastSeq < checkpoint.seq) return { kind: 'truncated', checkpoint, lastSeq, entriesNow: entries.length };
    const index = indexBySeq.get(checkpoint.seq);
    const foundHash = index === undefined ? null : (entries[index]?.hash ?? null);
    if (index === undefined || foundHash !== checkpoint.hash)
      return { kind: 'checkpointMismatch', checkpoint, foundHash };
    if (index + 1 < checkpoint.entries) return { kind: 'entriesMissing', checkpoint, entriesNow: index + 1 };
  }
  return null;
}
