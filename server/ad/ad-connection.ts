import 'server-only';
// One bound LDAP connection to a DC for one task, with fail-over across AD_URL in order. ldaps:// is TLS
// from the first byte; ldap:// is always upgraded with StartTLS (RFC 4513 3) before the bind, never used
// in clear. The certificate is always verified against AD_CA_FILE (or the platform store) and the DC's
// name; a wrong CA fails closed. Three bounds: connect (per DC), operation (per LDAP request), total (the
// whole task, fail-over included). Fail-over happens only before the task starts, so a write is never
// sent twice.
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { Client, InvalidCredentialsError } from 'ldapts';
import { isAppError } from '@/lib/app-error';
import type { AdSettings } from './ad-settings';
import { adOutcomeUnknown, adUnavailable } from './ad-unavailable';

export function tlsOptionsFor(settings: Pick<AdSettings, 'ca' | 'tlsServerName'>, url: string): ConnectionOptions {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const name = settings.tlsServerName ?? host;
  return {
    ...(settings.ca ? { ca: [settings.ca] } : {}),
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
    host: name,
    ...(isIP(name) ? {} : { servername: name }),
  };
}

async function closeQuietly(client: Client): Promise<void> {
  try {
    await client.unbind();
  } catch {
    // already closed
  }
}

async function openBound(settings: AdSettings, url: string): Promise<Client> {
  const tlsOptions = tlsOptionsFor(settings, url);
  const isLdaps = url.startsWith('ldaps://');
  const client = new Client({
    url,
    connectTimeout: settings.connectTimeoutMs,
    timeout: settings.operationTimeoutMs,
    strictDN: true,
    ...(isLdaps ? { tlsOptions } : {}),
  });
  try {
    if (!isLdaps) await client.startTLS({ ...tlsOptions });
    await client.bind(settings.bindDn, settings.bindPassword.reveal());
    return client;
  } catch (error) {
    await closeQuietly(client);
    throw error;
  }
}

/** The task tells the connection when it sends a write: a failure after that has an unknown outcome. */
export type AdTaskProgress = { writeSent(): void };

/**
 * Runs `task` on a bound connection; AppErrors from the task pass through, anything else is a 503. Once the
 * task has sent a write, a lost answer (timeout, closed socket) is a 503 marked `isOutcomeUnknown`: the DC
 * may have applied it, so the caller reconciles (pwdLastSet) instead of telling the user nothing changed.
 */
export async function withAdConnection<T>(
  settings: AdSettings,
  task: (client: Client, progress: AdTaskProgress) => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let client: Client | undefined;
  let isWriteSent = false;
  const lost = (cause: unknown) => (isWriteSent ? adOutcomeUnknown(cause) : adUnavailable(cause));
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(lost(new Error(`no answer within ${settings.totalTimeoutMs} ms`))),
      settings.totalTimeoutMs,
    );
  });
  const run = async (): Promise<T> => {
    let lastError: unknown = new Error('no AD_URL');
    for (const url of settings.urls) {
      try {
        client = await openBound(settings, url);
        break;
      } catch (error) {
        lastError = error;
        // A refused service-account bind is the same on every DC: do not lock the account out faster.
        if (error instanceof InvalidCredentialsError) break;
      }
    }
    if (!client) throw adUnavailable(lastError);
    try {
      return await task(client, { writeSent: () => (isWriteSent = true) });
    } catch (error) {
      if (isAppError(error)) throw error;
      throw lost(error);
    }
  };
  try {
    return await Promise.race([run(), deadline]);
  } finally {
    clearTimeout(timer);
    if (client) await closeQuietly(client);
  }
}
