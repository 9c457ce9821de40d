// The audit log's keys and checkpoint sink, resolved once from configuration: the HMAC keyring of the chain,
// the checkpoint signer and verifiers, where checkpoints go and which chain they name.
// Outside production, missing keys default to generated ones under data/ (development-audit-keys.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { getConfig } from '../config';
import { repositoryRoot } from '../repository-root';
import { sqliteFilePath } from '../database/sqlite-file-path';
import { auditHmacKeysSchema, auditKeyringFrom, type AuditKeyring } from './audit-hmac-keys';
import {
  checkpointVerifiersFrom,
  publicKeysFromPem,
  readCheckpointSigner,
  type CheckpointSigner,
  type CheckpointVerifiers,
} from './checkpoint-keys';
import { ensureDevelopmentAuditKeys } from './development-audit-keys';

export type AuditSettings = {
  keyring: AuditKeyring;
  /** Null on a verifier configured with public keys only. */
  signer: CheckpointSigner | null;
  verifiers: CheckpointVerifiers;
  /** Which audit log the checkpoints name, so one sink can serve several databases. */
  chain: string;
  checkpointFile: string;
  checkpointWebhookUrl: string | null;
  checkpointSyslogUrl: string | null;
  checkpointIntervalMs: number;
};

type AuditConfig = Pick<
  Config,
  | 'NODE_ENV'
  | 'DATABASE_URL'
  | 'AUDIT_HMAC_KEYS'
  | 'AUDIT_CHECKPOINT_KEY_FILE'
  | 'AUDIT_CHECKPOINT_PUBLIC_KEY_FILE'
  | 'AUDIT_CHECKPOINT_FILE'
  | 'AUDIT_CHECKPOINT_INTERVAL_SECONDS'
  | 'AUDIT_CHECKPOINT_WEBHOOK_URL'
  | 'AUDIT_CHECKPOINT_SYSLOG_URL'
  | 'AUDIT_CHAIN_NAME'
>;

export function auditSettingsFrom(config: AuditConfig, root: string): AuditSettings {
  const needsDevelopmentKeys =
    config.NODE_ENV !== 'production' &&
    (!config.AUDIT_HMAC_KEYS || (!config.AUDIT_CHECKPOINT_KEY_FILE && !config.AUDIT_CHECKPOINT_PUBLIC_KEY_FILE));
  const development = needsDevelopmentKeys ? ensureDevelopmentAuditKeys(root) : null;
  const hmacKeys = config.AUDIT_HMAC_KEYS ?? auditHmacKeysSchema.parse(development?.AUDIT_HMAC_KEYS ?? '');
  const keyFile =
    config.AUDIT_CHECKPOINT_KEY_FILE ??
    (config.AUDIT_CHECKPOINT_PUBLIC_KEY_FILE ? undefined : development?.AUDIT_CHECKPOINT_KEY_FILE);
  const signer = keyFile ? readCheckpointSigner(path.resolve(root, keyFile)) : null;
  const publicKeys = config.AUDIT_CHECKPOINT_PUBLIC_KEY_FILE
    ? publicKeysFromPem(fs.readFileSync(path.resolve(root, config.AUDIT_CHECKPOINT_PUBLIC_KEY_FILE), 'utf8'))
    : [];
  return {
    keyring: auditKeyringFrom(hmacKeys),
    signer,
    verifiers: checkpointVerifiersFrom(signer, publicKeys),
    chain: config.AUDIT_CHAIN_NAME ?? chainNameOf(config.DATABASE_URL, root),
    checkpointFile: path.resolve(root, config.AUDIT_CHECKPOINT_FILE),
    checkpointWebhookUrl: config.AUDIT_CHECKPOINT_WEBHOOK_URL ?? null,
    checkpointSyslogUrl: config.AUDIT_CHECKPOINT_SYSLOG_URL ?? null,
    checkpointIntervalMs: config.AUDIT_CHECKPOINT_INTERVAL_SECONDS * 1000,
  };
}

/** The database the log lives in, without credentials: sqlite:/abs/path or postgresql://host:port/db. */
export function chainNameOf(databaseUrl: string, root: string): string {
  if (databaseUrl.startsWith('file:')) return `sqlite:${sqliteFilePath(databaseUrl, root)}`;
  const url = new URL(databaseUrl);
  return `postgresql://${url.hostname}:${url.port || '5432'}${url.pathname}`;
}

let cached: AuditSettings | undefined;

/** The portal's audit settings, from getConfig(), resolved once per process. */
export function getAuditSettings(): AuditSettings {
  cached ??= auditSettingsFrom(getConfig(), repositoryRoot());
  return cached;
}
