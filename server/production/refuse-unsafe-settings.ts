// Production refuses settings that make the deployment open to anyone who has read this repository: a
// published or weak session secret (a known AUTH_SECRET lets anyone mint a session with any roles), the
// mock's client ids and secrets, a mock or loopback Entra authority, the demo tenant, a published or weak audit
// chain key (whoever holds it can rewrite the chain unseen). A demo runs with VERITY_DEMO_MODE=1 instead, and
// every page says so (app/layout.tsx).
import { AppError } from '../../lib/app-error';
import { demoClientIds, demoTenantId, publishedSecrets } from './published-values';
import { auditKeyWeakness } from './audit-key-strength';
import { secretWeakness } from './secret-strength';

/** The parsed configuration, as far as this check reads it. */
type Settings = Record<string, unknown> & {
  ENTRA_AUTHORITY_HOST: string;
  GRAPH_BASE_URL: string;
  ENTRA_TENANT_ID: string;
  ENTRA_RESET_CLIENT_ID: string;
  ENTRA_PORTAL_CLIENT_ID: string;
  ENTRA_RESET_CLIENT_CERTIFICATE_KEY?: string;
  AUDIT_HMAC_KEYS?: readonly { id: string; secret: Buffer }[];
};

type Refusal = { variable: string; reason: string };

/** Variables holding secrets: every one is checked against the published values (new ones included). */
const isSecretVariable = (name: string) => /(SECRET|PASSWORD|TOKEN|KEY)$/.test(name);

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '0.0.0.0' ||
    host === '::1' ||
    host === '::'
  );
}

export function unsafeProductionSettings(settings: Settings): Refusal[] {
  const refusals: Refusal[] = [];
  for (const [variable, value] of Object.entries(settings)) {
    if (!isSecretVariable(variable) || typeof value !== 'string') continue;
    // The reset app's secret is unused (and may stay at its default) when it signs in with a certificate.
    if (variable === 'ENTRA_RESET_CLIENT_SECRET' && settings.ENTRA_RESET_CLIENT_CERTIFICATE_KEY) continue;
    if (publishedSecrets.has(value.trim()))
      refusals.push({ variable, reason: 'this value is published in the repository (a development or test value)' });
  }
  const authSecret = settings.AUTH_SECRET;
  if (typeof authSecret === 'string' && !publishedSecrets.has(authSecret.trim())) {
    const weakness = secretWeakness(authSecret);
    if (weakness) refusals.push({ variable: 'AUTH_SECRET', reason: weakness });
  }
  // Every listed key, the older ones too: a key kept for verifying old entries still makes entries verify.
  const auditKeyRefusal = (settings.AUDIT_HMAC_KEYS ?? []).map(auditKeyWeakness).find(Boolean);
  if (auditKeyRefusal) refusals.push({ variable: 'AUDIT_HMAC_KEYS', reason: auditKeyRefusal });
  for (const variable of ['ENTRA_AUTHORITY_HOST', 'GRAPH_BASE_URL'] as const) {
    if (isLoopbackHost(new URL(settings[variable]).hostname))
      refusals.push({ variable, reason: 'points at the mock Entra or another local address' });
  }
  if (settings.ENTRA_TENANT_ID.toLowerCase() === demoTenantId)
    refusals.push({ variable: 'ENTRA_TENANT_ID', reason: 'is the demo tenant; set your tenant id' });
  for (const variable of ['ENTRA_RESET_CLIENT_ID', 'ENTRA_PORTAL_CLIENT_ID'] as const) {
    if (demoClientIds.has(settings[variable].toLowerCase()))
      refusals.push({ variable, reason: "is the mock's demo app registration; set your own" });
  }
  return refusals;
}

/** Throws, naming the first unsafe variable in one line; the process stops at boot. */
export function refuseUnsafeProductionSettings(settings: Settings): void {
  const [first] = unsafeProductionSettings(settings);
  if (!first) return;
  throw new AppError(
    'CONFIG_ERROR',
    `Invalid environment variable ${first.variable}: ${first.reason} (production refuses it; VERITY_DEMO_MODE=1 marks a demo)`,
    { path: first.variable, reason: 'unsafeInProduction' },
  );
}
