// Helpers for the mock's hybrid tests: a mock with the synced demo users (and, for the AD suite, a DC for
// pass-through authentication), an app-only Graph caller, and a scripted password sign-in.
import path from 'node:path';
import { z } from 'zod';
import { repositoryRoot } from './config';
import { runScriptedSignIn } from './control/scripted-sign-in';
import { createHttpClient, formBody } from './http/https-client';
import type { RunningMockIdp } from './start-mock-idp';
import { portalClient, startTestMockIdp, tenantId, testClient } from './test-support';
import { parsedJson, tokenAnswerSchema } from './test-json';

// A Graph answer: its members for the assertions, and Graph's error body when there is one.
const graphAnswerSchema = z.looseObject({ error: z.object({ code: z.string(), message: z.string() }).optional() });

export const syncedUsersFile = path.join(repositoryRoot, 'fixtures/demo-tenant-synced-users.json');

export async function startHybridMockIdp(env: Record<string, string> = {}): Promise<RunningMockIdp> {
  return startTestMockIdp({}, { MOCK_IDP_SYNCED_USERS_FILE: syncedUsersFile, ...env });
}

export async function portalGraph(mock: RunningMockIdp) {
  const http = createHttpClient(mock.caCert);
  const { body, headers } = formBody({
    grant_type: 'client_credentials',
    client_id: portalClient.clientId,
    client_secret: portalClient.clientSecret,
    scope: 'https://graph.microsoft.com/.default',
  });
  const token = await http.request(`${mock.url}/${tenantId}/oauth2/v2.0/token`, { method: 'POST', body, headers });
  const accessToken = parsedJson(tokenAnswerSchema, token.body).access_token;
  return async (resource: string, options: { method?: string; body?: unknown } = {}) => {
    const response = await http.request(`${mock.url}/graph/v1.0/${resource}`, {
      method: options.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${accessToken}`,
        ...(options.body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
    return {
      status: response.status,
      json: response.body ? parsedJson(graphAnswerSchema, response.body) : {},
    };
  };
}

/**
 * Password + Authenticator push at the mock, as the user would sign in to Microsoft 365. With
 * `passwordOnly` the attempt stops at the password page, so a refusal comes back with Entra's inline error.
 */
export async function signInWithPassword(
  mock: RunningMockIdp,
  userPrincipalName: string,
  password: string,
  options: { passwordOnly?: boolean } = {},
) {
  return runScriptedSignIn(mock.url, mock.caCert, {
    tenant: tenantId,
    ...testClient,
    userPrincipalName,
    methods: options.passwordOnly ? ['password'] : ['password', 'microsoftAuthenticatorPush'],
    password,
  });
}
