// `npm run audit:verify`: checks the audit log in the configured database (DATABASE_URL) against the HMAC
// keys (AUDIT_HMAC_KEYS) and the signed checkpoints outside the database (AUDIT_CHECKPOINT_FILE), all read
// through server/config.ts (docs/decisions/0005-keyed-audit-chain.md). Exit codes, for scheduled jobs:
//   0  intact and anchored by a checkpoint
//   1  tampered: an entry edited, inserted or deleted, the newest entries deleted (truncation), the chain
//      rebuilt, a forged checkpoint (ASVS5 16.3)
//   2  could not check (configuration, keys, database), never mistaken for "intact"
//   3  consistent, but no checkpoint vouches for it yet (`npm run audit:checkpoint` writes one)
import type { CheckpointProblem } from '../lib/audit/checkpoint';
import type { ChainBreakReason } from '../lib/audit/hash-chain';
import { verifyAuditChain, type AuditChainReport } from '../server/audit/verify-audit-chain';
import { runWithAuditDatabase } from './audit-script-setup';

const breakExplanations: Record<ChainBreakReason, string> = {
  hashMismatch: 'its content no longer matches its keyed hash (edited, or rehashed without the key)',
  previousHashMismatch: 'it does not link to the entry before it (an entry was deleted or inserted)',
  unknownKey: 'it names a key that is not in AUDIT_HMAC_KEYS (forged, or a retired key was removed too early)',
  unkeyedAfterKeyed: 'it claims to be unkeyed although keyed entries precede it (a downgrade)',
};

function describeCheckpointProblem(problem: CheckpointProblem): string {
  const { checkpoint } = problem;
  const at = `the checkpoint of ${checkpoint.writtenAt} (seq ${checkpoint.seq}, ${checkpoint.entries} entries)`;
  switch (problem.kind) {
    case 'truncated':
      return `TRUNCATED: ${at} is ahead of the log, which now ends at seq ${problem.lastSeq} with ${problem.entriesNow} entries: the newest entries were deleted`;
    case 'checkpointMismatch':
      return `CHAIN REWRITTEN: ${at} records head ${checkpoint.hash.slice(0, 16)}…, the log has ${problem.foundHash ? `${problem.foundHash.slice(0, 16)}…` : 'no entry'} at that seq`;
    case 'entriesMissing':
      return `ENTRIES DELETED: ${at} counted ${checkpoint.entries} entries up to seq ${checkpoint.seq}, the log now has ${problem.entriesNow}`;
  }
}

/** One line per finding; the first says the verdict. */
export function describeReport(report: AuditChainReport, where: string): { code: number; lines: string[] } {
  const lines: string[] = [];
  if (report.firstBreak) {
    const { index, seq, id, reason } = report.firstBreak;
    lines.push(
      `audit:verify: CHAIN BROKEN at entry #${index + 1} of ${report.entries} (seq ${seq ?? '?'}, id ${id}): ${breakExplanations[reason]}.`,
    );
  }
  if (report.checkpointProblem) lines.push(`audit:verify: ${describeCheckpointProblem(report.checkpointProblem)}.`);
  if (report.forgedCheckpointLines.length > 0)
    lines.push(
      `audit:verify: FORGED CHECKPOINT: line(s) ${report.forgedCheckpointLines.join(', ')} of ${report.checkpointFile} fail their Ed25519 signature.`,
    );
  if (lines.length > 0) {
    lines.push(`audit:verify: treat the log as tampered and investigate (${where}).`);
    return { code: 1, lines };
  }
  const latest = report.latestCheckpoint;
  const keys = `keys ${report.keyIds.join(', ')}`;
  const notes = [
    ...(report.malformedCheckpointLines.length > 0
      ? [`unreadable checkpoint line(s) ${report.malformedCheckpointLines.join(', ')} ignored`]
      : []),
    ...(report.unkeyedEntries > 0 ? [`${report.unkeyedEntries} entries predate the keyed chain`] : []),
  ];
  const suffix = notes.length > 0 ? `; ${notes.join('; ')}` : '';
  if (!report.isAnchored) {
    lines.push(
      `audit:verify: chain consistent (${report.entries} entries, ${keys}) but NOT ANCHORED: ${!latest ? `no checkpoint for this log in ${report.checkpointFile}` : latest.seq === 0 ? 'the only checkpoints were written before the first entry' : `the latest checkpoint (seq ${latest.seq}) does not cover the ${report.unkeyedEntries} entries written before keying`}, so deleting the newest entries would go unnoticed. Run npm run audit:checkpoint (${where})${suffix}.`,
    );
    return { code: 3, lines };
  }
  lines.push(
    `audit:verify: chain intact, ${report.entries} entries checked with ${keys}; latest checkpoint seq ${latest!.seq} of ${latest!.writtenAt} matches, ${report.entriesAfterCheckpoint} newer entries (${where})${suffix}.`,
  );
  return { code: 0, lines };
}

export async function runAuditVerify(
  env: Record<string, string | undefined>,
  root: string,
  print: (line: string) => void,
): Promise<number> {
  return runWithAuditDatabase('audit:verify', { env, root, print }, async ({ db, settings, where }) => {
    try {
      const { code, lines } = describeReport(await verifyAuditChain(db, settings), where);
      lines.forEach((line) => print(line));
      return code;
    } catch (error) {
      const cause =
        error instanceof Error
          ? (
              error.message
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean)
                .at(-1) ?? error.name
            ).replace(/\.+$/, '')
          : String(error);
      print(
        `audit:verify: could not read the audit log (${where}): ${cause}. Is DATABASE_URL right and the database migrated (npm run db:migrate)?`,
      );
      return 2;
    }
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  runAuditVerify(process.env, process.cwd(), (line) => console.log(line)).then((code) => process.exit(code));
}
