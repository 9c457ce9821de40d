// Writes an audit checkpoint when the portal starts and then every AUDIT_CHECKPOINT_INTERVAL_SECONDS
// whenever the chain has grown, so at most one interval of the newest entries can be deleted unnoticed.
// A failed write is logged and retried at the next tick; it never stops the portal.
import { genesisHash } from '../../lib/audit/hash-chain';
import type { DatabaseClient } from '../database/create-database-client';
import { writeAuditCheckpoint } from './audit-checkpoints';
import type { AuditSettings } from './audit-settings';

export function startAuditCheckpoints(
  db: DatabaseClient,
  settings: AuditSettings,
  now: () => Date = () => new Date(),
  log: (line: string) => void = (line) => console.error(line),
): { stop: () => void; tick: () => Promise<void> } {
  let lastHash: string | null = null;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const head = await db.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } });
      if ((head?.hash ?? genesisHash) === lastHash) return;
      const checkpoint = await writeAuditCheckpoint(db, settings, now());
      lastHash = checkpoint.hash;
    } catch (error) {
      log(`[verity] audit checkpoint failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), settings.checkpointIntervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
