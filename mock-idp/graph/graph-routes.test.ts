// Priority 5 of issue 3: the Graph subset with application-permission checks and Entra-style errors.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, formBody } from '../http/https-client';
import { runScriptedSignIn } from '../control/scripted-sign-in';
import type { RunningMockIdp } from '../start-mock-idp';
import { demoPassword, portalClient, startTestMockIdp, tenantId, testClient } from '../test-support';
import { looseGraphJsonSchema, parsedJson, tokenAnswerSchema } from '../test-json';

// Graph answers are read loosely in assertions (looseGraphJsonSchema); toMatchObject and friends check the shapes.

let mock: RunningMockIdp;
let portalToken: string;
let readOnlyToken: string;

async function appToken(clientId: string, clientSecret: string): Promise<string> {
  const { body, headers } = formBody({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
    scope: 'https://graph.microsoft.com/.default',
  });
  const response = await createHttpClient(mock.caCert).request(`${mock.url}/${tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body,
    headers,
  });
  return parsedJson(tokenAnswerSchema, response.body).access_token;
}

async function graph(
  path: string,
  options: { method?: string; token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
) {
  const token = options.token === undefined ? portalToken : options.token;
  const response = await createHttpClient(mock.caCert).request(`${mock.url}/graph/v1.0/${path}`, {
    method: options.method ?? 'GET',
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(options.body ? { 'Content-Type': 'application/json' } : {}),
      ...(options.headers ?? {}),
    },
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
  return { status: response.status, json: response.body ? parsedJson(looseGraphJsonSchema, response.body) : {} };
}

beforeAll(async () => {
  mock = await startTestMockIdp();
  portalToken = await appToken(portalClient.clientId, portalClient.clientSecret);
  readOnlyToken = await appToken(testClient.clientId, testClient.clientSecret);
});
afterAll(async () => {
  await mock.stop();
});
beforeEach(async () => {
  await createHttpClient(mock.caCert).request(`${mock.url}/control/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
});

describe('authorisation', () => {
  it('refuses a missing or foreign token with InvalidAuthenticationToken', async () => {
    expect((await graph('users', { token: null })).json.error.code).toBe('InvalidAuthenticationToken');
    expect((await graph('users', { token: 'abc.def.ghi' })).status).toBe(401);
  });

  it('refuses an app without the permission with Authorization_RequestDenied', async () => {
    expect((await graph('users', { token: readOnlyToken })).status).toBe(200);
    const patch = await graph('users/adele.vance@contoso.test', {
      method: 'PATCH',
      token: readOnlyToken,
      body: { passwordProfile: { password: 'Another-Strong-9-Pass' } },
    });
    expect(patch.status).toBe(403);
    expect(patch.json.error.code).toBe('Authorization_RequestDenied');
    expect((await graph('auditLogs/signIns', { token: readOnlyToken })).status).toBe(403);
  });
});

describe('users', () => {
  it('gets a user by id or UPN, lists with $filter and $search', async () => {
    const byUpn = await graph('users/adele.vance@contoso.test');
    expect(byUpn.json).toMatchObject({ displayName: 'Adele Vance', userPrincipalName: 'adele.vance@contoso.test' });
    expect((await graph(`users/${byUpn.json.id}`)).json.userPrincipalName).toBe('adele.vance@contoso.test');
    expect((await graph('users/nobody@contoso.test')).json.error.code).toBe('Request_ResourceNotFound');
    const filtered = await graph(`users?$filter=${encodeURIComponent("startswith(displayName,'Megan')")}`);
    expect(filtered.json.value.map((u: { displayName: string }) => u.displayName)).toEqual(['Megan Bowen']);
    expect((await graph(`users?$search=${encodeURIComponent('"displayName:lidia"')}`)).status).toBe(400);
    const searched = await graph(`users?$search=${encodeURIComponent('"displayName:lidia"')}`, {
      headers: { ConsistencyLevel: 'eventual' },
    });
    expect(searched.json.value).toHaveLength(1);
  });

  it('lists authentication methods and the sign-in preference', async () => {
    const methods = await graph('users/pradeep.gupta@contoso.test/authentication/methods');
    const types = methods.json.value.map((m: Record<string, string>) => m['@odata.type']);
    expect(types).toContain('#microsoft.graph.passwordAuthenticationMethod');
    expect(types).toContain('#microsoft.graph.microsoftAuthenticatorAuthenticationMethod');
    const preferences = await graph('users/adele.vance@contoso.test/authentication/signInPreferences');
    expect(preferences.json.userPreferredMethodForSecondaryAuthentication).toBe('push');
  });
});

describe('password reset through passwordProfile', () => {
  it('refuses passwords that break Entra rules with Entra-style errors', async () => {
    const short = await graph('users/nestor.wilke@contoso.test', {
      method: 'PATCH',
      body: { passwordProfile: { password: 'abc' } },
    });
    expect(short.status).toBe(400);
    expect(short.json.error.message).toContain('complexity requirements');
    const banned = await graph('users/nestor.wilke@contoso.test', {
      method: 'PATCH',
      body: { passwordProfile: { password: 'Contoso-2024-Spring!' } },
    });
    expect(banned.json.error.message).toContain('commonly used');
  });

  it('serves lastPasswordChangeDateTime when selected, and moves it when a passwordProfile is applied', async () => {
    const path = 'users/adele.vance@contoso.test?$select=id,lastPasswordChangeDateTime';
    const before = await graph(path);
    expect(before.status).toBe(200);
    expect(Date.parse(before.json.lastPasswordChangeDateTime)).not.toBeNaN();
    const unselected = await graph('users/adele.vance@contoso.test');
    expect(unselected.json.lastPasswordChangeDateTime).toBeUndefined();
    const applied = await graph('users/adele.vance@contoso.test', {
      method: 'PATCH',
      body: { passwordProfile: { password: 'Orbit-Kettle-73-Lamp' } },
    });
    expect(applied.status).toBe(204);
    const after = await graph(path);
    expect(Date.parse(after.json.lastPasswordChangeDateTime)).toBeGreaterThan(
      Date.parse(before.json.lastPasswordChangeDateTime),
    );
  });

  it('sets a new password that works at sign-in and the old one no longer does', async () => {
    const ok = await graph('users/adele.vance@contoso.test', {
      method: 'PATCH',
      body: { passwordProfile: { password: 'Orbit-Kettle-73-Lamp', forceChangePasswordNextSignIn: false } },
    });
    expect(ok.status).toBe(204);
    const base = {
      tenant: tenantId,
      ...testClient,
      userPrincipalName: 'adele.vance@contoso.test',
      methods: ['password', 'microsoftAuthenticatorPush'] as const,
    };
    expect(
      (
        await runScriptedSignIn(mock.url, mock.caCert, {
          ...base,
          methods: [...base.methods],
          password: 'Orbit-Kettle-73-Lamp',
        })
      ).outcome,
    ).toBe('granted');
    expect(
      (await runScriptedSignIn(mock.url, mock.caCert, { ...base, methods: [...base.methods], password: demoPassword }))
        .outcome,
    ).toBe('failed');
  });
});

describe('Temporary Access Pass and unlock', () => {
  it('creates a TAP returned once, usable to sign in', async () => {
    const created = await graph('users/nestor.wilke@contoso.test/authentication/temporaryAccessPassMethods', {
      method: 'POST',
      body: { lifetimeInMinutes: 60, isUsableOnce: true },
    });
    expect(created.status).toBe(201);
    expect(created.json.temporaryAccessPass).toMatch(/^.{10}$/);
    const listed = await graph('users/nestor.wilke@contoso.test/authentication/temporaryAccessPassMethods');
    expect(listed.json.value[0].temporaryAccessPass).toBeNull();
    const signIn = await runScriptedSignIn(mock.url, mock.caCert, {
      tenant: tenantId,
      ...testClient,
      userPrincipalName: 'nestor.wilke@contoso.test',
      methods: ['temporaryAccessPassOneTime'],
      temporaryAccessPass: created.json.temporaryAccessPass,
    });
    expect(signIn.outcome).toBe('granted');
    expect((await graph('users/nestor.wilke@contoso.test', { method: 'POST' })).status).toBe(404);
    const bad = await graph('users/nestor.wilke@contoso.test/authentication/temporaryAccessPassMethods', {
      method: 'POST',
      body: { lifetimeInMinutes: 5 },
    });
    expect(bad.status).toBe(400);
  });

  it('unlocks a smart-locked account (mock extension POST users/{id}/unlock)', async () => {
    for (let i = 0; i < 10; i++) {
      await runScriptedSignIn(mock.url, mock.caCert, {
        tenant: tenantId,
        ...testClient,
        userPrincipalName: 'nestor.wilke@contoso.test',
        methods: ['password'],
        password: `Wrong-${i}-Pass!`,
      });
    }
    const unlocked = await graph('users/nestor.wilke@contoso.test/unlock', { method: 'POST' });
    expect(unlocked.json).toMatchObject({ wasLocked: true });
    const signIn = await runScriptedSignIn(mock.url, mock.caCert, {
      tenant: tenantId,
      ...testClient,
      userPrincipalName: 'nestor.wilke@contoso.test',
      methods: ['password'],
      password: demoPassword,
      clientIp: '203.0.113.9',
    });
    expect(signIn.outcome).toBe('granted');
  });
});

describe('Conditional Access configuration, What-If and sign-in logs', () => {
  it('serves policies, named locations, authentication strengths and What-If from the engine', async () => {
    expect((await graph('identity/conditionalAccess/policies')).json.value.length).toBeGreaterThan(3);
    expect((await graph('identity/conditionalAccess/namedLocations')).json.value[0].displayName).toBe('Contoso HQ');
    expect((await graph('identity/conditionalAccess/authenticationStrength/policies')).status).toBe(200);
    const whatIf = await graph('identity/conditionalAccess/evaluate', {
      method: 'POST',
      body: {
        signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', userId: 'adele.vance@contoso.test' },
        signInContext: {
          '@odata.type': '#microsoft.graph.applicationContext',
          includeApplications: [portalClient.clientId],
        },
        signInConditions: { clientAppType: 'browser', ipAddress: '192.0.2.44' },
      },
    });
    expect(whatIf.status).toBe(200);
    expect(whatIf.json.value.some((p: { policyApplies: boolean }) => p.policyApplies)).toBe(true);
    const malformed = await graph('identity/conditionalAccess/evaluate', {
      method: 'POST',
      body: { signInIdentity: {} },
    });
    expect(malformed.status).toBe(400);
  });

  it('lists sign-ins with appliedConditionalAccessPolicies', async () => {
    await runScriptedSignIn(mock.url, mock.caCert, {
      tenant: tenantId,
      ...portalClient,
      userPrincipalName: 'adele.vance@contoso.test',
      password: demoPassword,
      methods: ['password', 'microsoftAuthenticatorPush'],
    });
    const logs = await graph(
      `auditLogs/signIns?$filter=${encodeURIComponent("userPrincipalName eq 'adele.vance@contoso.test'")}`,
    );
    expect(logs.json.value[0].appliedConditionalAccessPolicies.length).toBeGreaterThan(0);
  });
});
