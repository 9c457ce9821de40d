// Writes and reads signed checkpoints of the audit chain. The default sink is an append-only JSON Lines file
// (AUDIT_CHECKPOINT_FILE, one checkpoint a line) outside the database; a webhook (AUDIT_CHECKPOINT_WEBHOOK_URL)
// or a syslog collector (AUDIT_CHECKPOINT_SYSLOG_URL, RFC 5424) can copy each one to another system, e.g. a SIEM, so someone who can write both the database and this host's
// disk still cannot hide a truncation. Threat model: docs/decisions/0005-keyed-audit-chain.md.
import fs from 'node:fs';
import path from 'node:path';
import { checkpointSchema, checkpointType, type Checkpoint } from '../../lib/audit/checkpoint';
import { genesisHash } from '../../lib/audit/hash-chain';
import { AppError } from '../../lib/app-error';
import type { DatabaseClient } from '../database/create-database-client';
import type { AuditSettings } from './audit-settings';
import { isCheckpointSignatureValid, signCheckpoint } from './checkpoint-keys';
import { sendSyslogCheckpoint, syslogCheckpointMessage } from './syslog-checkpoint-sink';
import { errorCodeOf } from '@/lib/error-code-of';

type CheckpointSettings = Pick<
  AuditSettings,
  'signer' | 'chain' | 'checkpointFile' | 'checkpointWebhookUrl' | 'checkpointSyslogUrl'
>;

/** Signs the current head of the chain and appends it to the sink(s). */
export async function writeAuditCheckpoint(
  db: DatabaseClient,
  settings: CheckpointSettings,
  now: Date,
): Promise<Checkpoint> {
  if (!settings.signer)
    throw new AppError('CONFIG_ERROR', 'AUDIT_CHECKPOINT_KEY_FILE is required to write audit checkpoints', {
      path: 'AUDIT_CHECKPOINT_KEY_FILE',
    });
  const head = await db.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  const entries = head ? await db.auditEvent.count({ where: { seq: { lte: head.seq } } }) : 0;
  const checkpoint = signCheckpoint(
    {
      type: checkpointType,
      v: 1,
      chain: settings.chain,
      seq: head?.seq ?? 0,
      entries,
      hash: head?.hash ?? genesisHash,
      writtenAt: now.toISOString(),
      kid: settings.signer.kid,
    },
    settings.signer,
  );
  const line = `${JSON.stringify(checkpoint)}\n`;
  fs.mkdirSync(path.dirname(settings.checkpointFile), { recursive: true });
  const handle = await fs.promises.open(settings.checkpointFile, 'a', 0o600);
  try {
    await handle.write(line);
    await handle.datasync(); // a checkpoint reported as written survives a crash
  } finally {
    await handle.close();
  }
  if (settings.checkpointWebhookUrl) {
    const response = await fetch(settings.checkpointWebhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: line,
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok)
      throw new AppError('UPSTREAM_ERROR', `the audit checkpoint webhook answered ${response.status}`, {
        path: 'AUDIT_CHECKPOINT_WEBHOOK_URL',
      });
  }
  if (settings.checkpointSyslogUrl)
    await sendSyslogCheckpoint(settings.checkpointSyslogUrl, syslogCheckpointMessage(line.trimEnd(), now));
  return checkpoint;
}

export type CheckpointRead = {
  /** This chain's checkpoints whose signature holds, in file order. */
  checkpoints: Checkpoint[];
  /** Lines of this chain whose signature fails or whose key is unknown (1-based line numbers). */
  forgedLines: number[];
  /** Lines that are not checkpoints at all (e.g. a write cut short by a crash). */
  malformedLines: number[];
  isFilePresent: boolean;
};

export function readAuditCheckpoints(
  settings: Pick<AuditSettings, 'chain' | 'checkpointFile' | 'verifiers'>,
): CheckpointRead {
  const result: CheckpointRead = { checkpoints: [], forgedLines: [], malformedLines: [], isFilePresent: false };
  let text: string;
  try {
    text = fs.readFileSync(settings.checkpointFile, 'utf8');
  } catch (error) {
    if (errorCodeOf(error) === 'ENOENT') return result;
    throw error;
  }
  result.isFilePresent = true;
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const parsed = checkpointSchema.safeParse(parseJson(line));
    if (!parsed.success) result.malformedLines.push(index + 1);
    else if (parsed.data.chain !== settings.chain) continue;
    else if (isCheckpointSignatureValid(parsed.data, settings.verifiers)) result.checkpoints.push(parsed.data);
    else result.forgedLines.push(index + 1);
  }
  return result;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
