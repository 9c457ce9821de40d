// Development and test only: the audit chain's HMAC key and checkpoint key, generated once and kept under
// data/ (like the embedded AUTH_SECRET of `npm start`), so a fresh clone works and entries written
// yesterday still verify today. Production refuses to start without configured keys (server/config.ts).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { errorCodeOf } from '@/lib/error-code-of';

export type DevelopmentAuditKeys = { AUDIT_HMAC_KEYS: string; AUDIT_CHECKPOINT_KEY_FILE: string };

export function ensureDevelopmentAuditKeys(root: string): DevelopmentAuditKeys {
  const dir = path.join(root, 'data');
  const hmacFile = path.join(dir, 'audit-hmac-keys');
  const checkpointKeyFile = path.join(dir, 'audit-checkpoint-ed25519.pem');
  writeOnce(hmacFile, () => `dev-${randomBytes(3).toString('hex')}:${randomBytes(32).toString('base64')}\n`);
  writeOnce(checkpointKeyFile, () =>
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  return { AUDIT_HMAC_KEYS: fs.readFileSync(hmacFile, 'utf8').trim(), AUDIT_CHECKPOINT_KEY_FILE: checkpointKeyFile };
}

/** Creates the file only if it does not exist; concurrent test workers all end up reading the same key. */
function writeOnce(file: string, content: () => string): void {
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temporary, content(), { mode: 0o600 });
  try {
    fs.linkSync(temporary, file); // atomic, and fails if another process won the race
  } catch (error) {
    if (errorCodeOf(error) !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
