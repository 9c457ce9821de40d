// Checks the audit log against the HMAC keys (every link and every entry's keyed hash) and against the
// signed checkpoints outside the database (truncation, a chain rebuilt by someone holding a key, forged
// checkpoint lines). Used by `npm run audit:verify` and the desk's audit page.
import { compareWithCheckpoints, type Checkpoint, type CheckpointProblem } from '../../lib/audit/checkpoint';
import { checkChain, type ChainBreak } from '../../lib/audit/hash-chain';
import type { DatabaseClient } from '../database/create-database-client';
import { readAuditCheckpoints } from './audit-checkpoints';
import { getAuditSettings, type AuditSettings } from './audit-settings';

export type AuditChainReport = {
  entries: number;
  /** Every link holds, no checkpoint contradicts the log and no checkpoint line is forged. */
  intact: boolean;
  firstBreak: ChainBreak | null;
  checkpointProblem: CheckpointProblem | null;
  /** 1-based lines of the checkpoint file that claim this chain but fail their signature. */
  forgedCheckpointLines: number[];
  malformedCheckpointLines: number[];
  latestCheckpoint: Checkpoint | null;
  /** Entries hashed before the chain was keyed; only a checkpoint after them vouches for them. */
  unkeyedEntries: number;
  /**
   * A signed checkpoint covers the log, so deleting the newest entries up to it is detectable, and no
   * unkeyed entry lies after it. False: the log is consistent but nothing outside the database vouches for it.
   */
  isAnchored: boolean;
  /** Entries newer than the latest checkpoint: the next checkpoint will cover them. */
  entriesAfterCheckpoint: number;
  keyIds: string[];
  checkpointFile: string;
};

/** Reads the whole log in chain order (seq) in pages and checks every link, then the checkpoints. */
export async function verifyAuditChain(
  db: DatabaseClient,
  settings: AuditSettings = getAuditSettings(),
  pageSize = 5_000,
): Promise<AuditChainReport> {
  const entries = [];
  let cursor = 0;
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: { seq: { gt: cursor } },
      orderBy: { seq: 'asc' },
      take: pageSize,
    });
    if (page.length === 0) break;
    entries.push(...page);
    cursor = page.at(-1)!.seq;
  }
  const chain = checkChain(entries, settings.keyring.mac);
  const read = readAuditCheckpoints(settings);
  const checkpointProblem = compareWithCheckpoints(entries, read.checkpoints);
  const latestCheckpoint = read.checkpoints.reduce<Checkpoint | null>(
    (latest, checkpoint) => (!latest || checkpoint.seq >= latest.seq ? checkpoint : latest),
    null,
  );
  const lastUnkeyedSeq = chain.lastUnkeyedIndex < 0 ? 0 : (entries[chain.lastUnkeyedIndex]?.seq ?? 0);
  return {
    entries: entries.length,
    intact: chain.firstBreak === null && checkpointProblem === null && read.forgedLines.length === 0,
    firstBreak: chain.firstBreak,
    checkpointProblem,
    forgedCheckpointLines: read.forgedLines,
    malformedCheckpointLines: read.malformedLines,
    latestCheckpoint,
    unkeyedEntries: chain.unkeyedEntries,
    isAnchored:
      latestCheckpoint !== null &&
      latestCheckpoint.seq >= lastUnkeyedSeq &&
      (entries.length === 0 || latestCheckpoint.seq > 0),
    entriesAfterCheckpoint: entries.filter((entry) => entry.seq > (latestCheckpoint?.seq ?? 0)).length,
    keyIds: settings.keyring.keyIds,
    checkpointFile: settings.checkpointFile,
  };
}
