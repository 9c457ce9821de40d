// Helpers for the mock's own vitest tests: start it in-process on a free port with a fresh data
// folder and the control API on, and an MSAL network client that trusts the mock's CA.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INetworkModule, NetworkRequestOptions } from '@azure/msal-node';
import { readMockIdpConfig, repositoryRoot } from './config';
import { createHttpClient } from './http/https-client';
import { startMockIdp, type RunningMockIdp } from './start-mock-idp';
import type { CreateMockIdpOptions } from './create-mock-idp';

export const tenantId = '8c3f1e0a-5b7d-4c2e-9a61-3d4b2f7e1c90';
export const portalClient = {
  clientId: 'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d02',
  clientSecret: 'dev-secret-portal',
  redirectUri: 'http://localhost:3000/api/auth/callback/entra',
};
export const resetClient = {
  clientId: 'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d01',
  clientSecret: 'dev-secret-reset',
  redirectUri: 'http://localhost:3000/reset/verify/entra/callback',
};
export const testClient = {
  clientId: 'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d99',
  clientSecret: 'dev-secret-test',
  redirectUri: 'http://localhost:3999/callback',
};
export const demoPassword = 'Verity-Demo-2024!';

export async function startTestMockIdp(
  options: Omit<CreateMockIdpOptions, 'config' | 'origin'> = {},
  env: Record<string, string> = {},
): Promise<RunningMockIdp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mock-idp-test-'));
  const config = readMockIdpConfig(
    {
      MOCK_IDP_PORT: '0',
      MOCK_IDP_DATA_DIR: dataDir,
      MOCK_IDP_CERT_DIR: path.join(repositoryRoot, '.certs'),
      MOCK_IDP_CONTROL_API: '1',
      MOCK_IDP_AUTHENTICATOR: '1',
      ...env,
    },
    fs.existsSync,
  );
  return startMockIdp(config, options);
}

/** MSAL's network module over the mock's CA (MSAL's own client has no per-request CA option). */
export function msalNetworkClient(ca: string): INetworkModule {
  const client = createHttpClient(ca);
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions) => {
    const response = await client.request(url, { method, headers: options?.headers, body: options?.body });
    const headers = Object.fromEntries(
      Object.entries(response.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')]),
    );
    // MSAL's network module is generic in the body it expects and checks the body itself (its own HttpClient
    // casts the same way); the mock cannot know T.
    // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- T is MSAL's, see above
    return { headers, body: JSON.parse(response.body || '{}') as T, status: response.status };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
