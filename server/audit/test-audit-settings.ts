// Test helper: audit settings with fresh keys and a checkpoint file of the test's own, so tests never share
// keys or checkpoints with the developer's data/ folder.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditHmacKeysSchema, auditKeyringFrom } from './audit-hmac-keys';
import type { AuditSettings } from './audit-settings';
import { checkpointSignerFromPem, checkpointVerifiersFrom } from './checkpoint-keys';

export function newHmacKey(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

export function newCheckpointKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function testAuditSettings(
  options: { hmacKeys?: string; checkpointKeyPem?: string; checkpointFile?: string; chain?: string } = {},
): AuditSettings {
  const signer = checkpointSignerFromPem(options.checkpointKeyPem ?? newCheckpointKeyPem());
  return {
    keyring: auditKeyringFrom(auditHmacKeysSchema.parse(options.hmacKeys ?? newHmacKey('k1'))),
    signer,
    verifiers: checkpointVerifiersFrom(signer, []),
    chain: options.chain ?? `test:${randomBytes(4).toString('hex')}`,
    checkpointFile:
      options.checkpointFile ??
      path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verity-audit-')), 'audit-checkpoints.jsonl'),
    checkpointWebhookUrl: null,
    checkpointSyslogUrl: null,
    checkpointIntervalMs: 60_000,
  };
}
