// Pass-through authentication for synced users: like Entra's PTA agent, the mock checks the password
// by a simple bind to the user's on-premises DC over LDAPS (ldap:// upgraded with StartTLS), certificate
// always verified against AD_CA_FILE, so AD's own bad-password count and lockout apply
// (learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-pta-how-it-works). AD's answer to a
// refused bind carries the reason in its "data" code (MS-ADTS / Windows: 52e wrong password, 775 locked
// out, 533 disabled, 701 account expired, 532 password expired, 773 must change password).
import fs from 'node:fs';
import { isIP } from 'node:net';
import { Client, InvalidCredentialsError } from 'ldapts';
import type { PassThroughSettings } from '../config';

export type PassThroughOutcome = 'valid' | 'invalid' | 'locked' | 'disabled' | 'unavailable';

function outcomeOfRefusal(message: string): PassThroughOutcome {
  const data = /data ([0-9a-f]{3})/i.exec(message)?.[1]?.toLowerCase();
  if (data === '775') return 'locked';
  if (data === '533' || data === '701') return 'disabled';
  return 'invalid';
}

function tlsOptions(settings: PassThroughSettings, url: string) {
  const name = settings.tlsServerName ?? new URL(url).hostname.replace(/^\[|\]$/g, '');
  return {
    ...(settings.caFile ? { ca: [fs.readFileSync(settings.caFile, 'utf8')] } : {}),
    rejectUnauthorized: true,
    ...(isIP(name) ? {} : { servername: name }),
  };
}

async function bindOnce(settings: PassThroughSettings, url: string, login: string, password: string) {
  const isLdaps = url.startsWith('ldaps://');
  const client = new Client({
    url,
    connectTimeout: settings.timeoutMs,
    timeout: settings.timeoutMs,
    ...(isLdaps ? { tlsOptions: tlsOptions(settings, url) } : {}),
  });
  try {
    if (!isLdaps) await client.startTLS(tlsOptions(settings, url));
    await client.bind(login, password);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

/** Checks `password` for `login` (the on-premises UPN) on the first DC that answers. */
export async function passThroughAuthenticate(
  settings: PassThroughSettings,
  login: string,
  password: string,
): Promise<PassThroughOutcome> {
  // An empty password would be an anonymous (unauthenticated) bind that AD accepts: never "valid".
  if (password.length === 0) return 'invalid';
  for (const url of settings.urls) {
    try {
      await bindOnce(settings, url, login, password);
      return 'valid';
    } catch (error) {
      if (error instanceof InvalidCredentialsError) return outcomeOfRefusal(error.message);
      // Unreachable DC or TLS failure: try the next one, as the agent would.
    }
  }
  return 'unavailable';
}
