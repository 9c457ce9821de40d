// The mock's configuration, read from the environment in this one file (style.md: config is the
// only reader of process.env). Every other module takes a MockIdpConfig argument.
import path from 'node:path';
import { z } from 'zod';

const repositoryRoot = path.resolve(new URL('..', import.meta.url).pathname);

const environmentSchema = z.object({
  MOCK_IDP_PORT: z.coerce.number().int().min(0).max(65535).default(4443),
  MOCK_IDP_HOST: z.string().default('localhost'),
  MOCK_IDP_DATA_DIR: z.string().default(path.join(repositoryRoot, '.mock-idp-data')),
  MOCK_IDP_CERT_DIR: z.string().default(path.join(repositoryRoot, '.certs')),
  MOCK_IDP_TENANT_FILE: z.string().optional(),
  MOCK_IDP_CLIENTS_FILE: z.string().default(path.join(repositoryRoot, 'mock-idp/fixtures/clients.json')),
  MOCK_IDP_CREDENTIALS_FILE: z.string().default(path.join(repositoryRoot, 'mock-idp/fixtures/demo-credentials.json')),
  // The mock is never a production service: it refuses to start under NODE_ENV=production.
  NODE_ENV: z.string().optional(),
  // Test-only switches: off unless set to exactly "1".
  MOCK_IDP_CONTROL_API: z.enum(['0', '1']).default('0'),
  // The simulated Authenticator pages (/authenticator/{upn}) approve pushes for any user: demos and tests only.
  MOCK_IDP_AUTHENTICATOR: z.enum(['0', '1']).default('0'),
  // `amr` is a v1-token claim in Entra; the mock adds it to v2 tokens unless this is "0" (README).
  MOCK_IDP_EMIT_AMR: z.enum(['0', '1']).default('1'),
  // Origin of the portal whose redirect URIs the demo clients accept (clients.json is written for
  // http://localhost:3000; the Playwright portal runs on another port).
  MOCK_IDP_PORTAL_ORIGIN: z.url().optional(),
  // Hybrid demo: synced users added to the tenant (fixtures/demo-tenant-synced-users.json), and the DC
  // their passwords are checked against (pass-through authentication), with the portal's AD_* names.
  MOCK_IDP_SYNCED_USERS_FILE: z.string().min(1).optional(),
  AD_URL: z.string().min(1).optional(),
  AD_CA_FILE: z.string().min(1).optional(),
  AD_TLS_SERVER_NAME: z.string().min(1).optional(),
  AD_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
});

/** Where the mock checks synced users' passwords: like Entra's pass-through authentication agent. */
export type PassThroughSettings = { urls: string[]; caFile?: string; tlsServerName?: string; timeoutMs: number };

export type MockIdpConfig = {
  port: number;
  host: string;
  dataDir: string;
  certDir: string;
  tenantFile: string;
  clientsFile: string;
  credentialsFile: string;
  isControlApiEnabled: boolean;
  isAuthenticatorEnabled: boolean;
  isAmrEmitted: boolean;
  portalOrigin?: string;
  syncedUsersFile?: string;
  /** Undefined: synced users' passwords are checked by the mock itself (as with password hash sync). */
  passThrough?: PassThroughSettings;
};

/** The shared demo tenant if the CA engineer's file exists, else the mock's own minimal copy. */
export function defaultTenantFile(exists: (file: string) => boolean): string {
  const shared = path.join(repositoryRoot, 'fixtures/demo-tenant.json');
  return exists(shared) ? shared : path.join(repositoryRoot, 'mock-idp/fixtures/fallback-tenant.json');
}

export function readMockIdpConfig(
  environment: Record<string, string | undefined>,
  exists: (file: string) => boolean,
): MockIdpConfig {
  const parsed = environmentSchema.parse(environment);
  if (parsed.NODE_ENV === 'production')
    throw new Error(
      'The mock Entra ID is for development and tests only: it refuses to start with NODE_ENV=production.',
    );
  return {
    port: parsed.MOCK_IDP_PORT,
    host: parsed.MOCK_IDP_HOST,
    dataDir: parsed.MOCK_IDP_DATA_DIR,
    certDir: parsed.MOCK_IDP_CERT_DIR,
    tenantFile: parsed.MOCK_IDP_TENANT_FILE ?? defaultTenantFile(exists),
    clientsFile: parsed.MOCK_IDP_CLIENTS_FILE,
    credentialsFile: parsed.MOCK_IDP_CREDENTIALS_FILE,
    isControlApiEnabled: parsed.MOCK_IDP_CONTROL_API === '1',
    isAuthenticatorEnabled: parsed.MOCK_IDP_AUTHENTICATOR === '1',
    isAmrEmitted: parsed.MOCK_IDP_EMIT_AMR === '1',
    portalOrigin: parsed.MOCK_IDP_PORTAL_ORIGIN ? new URL(parsed.MOCK_IDP_PORTAL_ORIGIN).origin : undefined,
    syncedUsersFile: parsed.MOCK_IDP_SYNCED_USERS_FILE,
    passThrough: parsed.AD_URL
      ? {
          urls: parsed.AD_URL.split(',').map((url) => url.trim()),
          caFile: parsed.AD_CA_FILE,
          tlsServerName: parsed.AD_TLS_SERVER_NAME,
          timeoutMs: parsed.AD_CONNECT_TIMEOUT_MS,
        }
      : undefined,
  };
}

export { repositoryRoot };
