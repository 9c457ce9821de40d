import 'server-only';
// The AD connection's settings, derived once from the validated configuration. The bind password is
// read here (AD_BIND_PASSWORD_FILE wins) and kept in a closure-like field that is never serialised:
// `toJSON` and `util.inspect` show it as "[redacted]" so no log line can carry it.
import fs from 'node:fs';
import { inspect } from 'node:util';
import { AppError } from '@/lib/app-error';
import { defaultProtectedGroups, type AdSelfServiceRefusal } from '@/lib/ad/ad-account-state';
import type { Config } from '../config';

export type AdSettings = {
  urls: string[];
  baseDn: string;
  bindDn: string;
  bindPassword: AdSecret;
  /** PEM of the CA to trust; undefined: the platform's trust store (still verified). */
  ca: string | undefined;
  tlsServerName: string | undefined;
  /** The on-premises DNS domain (Graph onPremisesDomainName) this connection serves, lowercase. */
  domainName: string;
  connectTimeoutMs: number;
  operationTimeoutMs: number;
  totalTimeoutMs: number;
  protectedGroups: string[];
  selfServiceRefused: AdSelfServiceRefusal[];
  passwordSync: Config['AD_PASSWORD_SYNC'];
};

/** A secret that prints as "[redacted]" in JSON, template strings and console output. */
export type AdSecret = { reveal(): string };

export function adSecret(value: string): AdSecret {
  const secret = {
    reveal: () => value,
    toJSON: () => '[redacted]',
    toString: () => '[redacted]',
    [inspect.custom]: () => '[redacted]',
  };
  return secret;
}

/** The DNS name of a base DN's DC= components: DC=corp,DC=contoso,DC=test → corp.contoso.test. */
export function domainNameOfBaseDn(baseDn: string): string {
  return baseDn
    .split(',')
    .map((part) => part.trim())
    .filter((part) => /^dc=/i.test(part))
    .map((part) => part.slice(3).toLowerCase())
    .join('.');
}

function readFile(file: string, variable: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('CONFIG_ERROR', `Invalid environment variable ${variable}: cannot read ${file}`, {
      path: variable,
    });
  }
}

/** null when no AD connection is configured (cloud-only tenant). */
export function adSettingsFrom(config: Config): AdSettings | null {
  if (!config.AD_URL || !config.AD_BASE_DN || !config.AD_BIND_DN) return null;
  const password = config.AD_BIND_PASSWORD_FILE
    ? readFile(config.AD_BIND_PASSWORD_FILE, 'AD_BIND_PASSWORD_FILE').replace(/\r?\n$/, '')
    : (config.AD_BIND_PASSWORD ?? '');
  return {
    urls: config.AD_URL,
    baseDn: config.AD_BASE_DN,
    bindDn: config.AD_BIND_DN,
    bindPassword: adSecret(password),
    ca: config.AD_CA_FILE ? readFile(config.AD_CA_FILE, 'AD_CA_FILE') : undefined,
    tlsServerName: config.AD_TLS_SERVER_NAME,
    domainName: (config.AD_DOMAIN_NAME ?? domainNameOfBaseDn(config.AD_BASE_DN)).toLowerCase(),
    connectTimeoutMs: config.AD_CONNECT_TIMEOUT_MS,
    operationTimeoutMs: config.AD_OPERATION_TIMEOUT_MS,
    totalTimeoutMs: config.AD_TOTAL_TIMEOUT_MS,
    protectedGroups: config.AD_PROTECTED_GROUP_SIDS ?? [...defaultProtectedGroups],
    selfServiceRefused: config.AD_SELF_SERVICE_REFUSED,
    passwordSync: config.AD_PASSWORD_SYNC,
  };
}
