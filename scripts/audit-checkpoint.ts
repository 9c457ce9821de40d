// `npm run audit:checkpoint`: signs the audit chain's current head and appends the checkpoint to
// AUDIT_CHECKPOINT_FILE (and the webhook when configured), on demand: before a backup, after an incident,
// from cron. The portal also writes one at start and every AUDIT_CHECKPOINT_INTERVAL_SECONDS.
// Exit 0 with one line; 2 when it could not (configuration, keys, database, sink).
import { writeAuditCheckpoint } from '../server/audit/audit-checkpoints';
import { runWithAuditDatabase } from './audit-script-setup';

export async function runAuditCheckpoint(
  env: Record<string, string | undefined>,
  root: string,
  now: Date,
  print: (line: string) => void,
): Promise<number> {
  return runWithAuditDatabase('audit:checkpoint', { env, root, print }, async ({ db, settings }) => {
    try {
      const checkpoint = await writeAuditCheckpoint(db, settings, now);
      print(
        `audit:checkpoint: seq ${checkpoint.seq} (${checkpoint.entries} entries, head ${checkpoint.hash.slice(0, 16)}…) signed by key ${checkpoint.kid} and written to ${settings.checkpointFile}.`,
      );
      return 0;
    } catch (error) {
      print(
        `audit:checkpoint: could not write a checkpoint: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 2;
    }
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  runAuditCheckpoint(process.env, process.cwd(), new Date(), (line) => console.log(line)).then((code) =>
    process.exit(code),
  );
}
