// Priority 1 of issue 3: the mock looks like Entra's v2.0 endpoints to real clients.
import crypto from 'node:crypto';
import { ConfidentialClientApplication, CryptoProvider } from '@azure/msal-node';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { Issuer, custom, generators } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpClient, formBody, type HttpClient } from '../http/https-client';
import { runScriptedSignIn } from '../control/scripted-sign-in';
import type { RunningMockIdp } from '../start-mock-idp';
import { demoPassword, msalNetworkClient, portalClient, startTestMockIdp, tenantId, testClient } from '../test-support';
import { jsonObjectSchema, parsedJson } from '../test-json';

const keySetSchema = z.object({ keys: z.array(z.looseObject({ kty: z.string(), kid: z.string() })) });
const deviceCodeSchema = z.looseObject({
  device_code: z.string(),
  user_code: z.string(),
  verification_uri: z.string(),
});

let mock: RunningMockIdp;
let http: HttpClient;
let jwks: ReturnType<typeof createLocalJWKSet>;

beforeAll(async () => {
  mock = await startTestMockIdp();
  http = createHttpClient(mock.caCert);
  const keys = await http.request(`${mock.url}/${tenantId}/discovery/v2.0/keys`);
  jwks = createLocalJWKSet(parsedJson(keySetSchema, keys.body));
});
afterAll(async () => {
  await mock.stop();
});

const issuer = () => `${mock.url}/${tenantId}/v2.0`;

async function tokenRequest(values: Record<string, string>) {
  const { body, headers } = formBody(values);
  const response = await http.request(`${mock.url}/${tenantId}/oauth2/v2.0/token`, { method: 'POST', body, headers });
  return { status: response.status, json: parsedJson(jsonObjectSchema, response.body) };
}

describe('discovery', () => {
  it('answers by tenant id and by verified domain with the exact Entra issuer', async () => {
    for (const tenant of [tenantId, 'contoso.test']) {
      const response = await http.request(`${mock.url}/${tenant}/v2.0/.well-known/openid-configuration`);
      expect(response.status).toBe(200);
      const document = parsedJson(jsonObjectSchema, response.body);
      expect(document.issuer).toBe(issuer());
      expect(document.authorization_endpoint).toBe(`${mock.url}/${tenantId}/oauth2/v2.0/authorize`);
      expect(document.token_endpoint).toBe(`${mock.url}/${tenantId}/oauth2/v2.0/token`);
      expect(document.device_authorization_endpoint).toBe(`${mock.url}/${tenantId}/oauth2/v2.0/devicecode`);
      expect(document.jwks_uri).toBe(`${mock.url}/${tenantId}/discovery/v2.0/keys`);
      expect(document.end_session_endpoint).toBe(`${mock.url}/${tenantId}/oauth2/v2.0/logout`);
      expect(document.code_challenge_methods_supported).toEqual(['S256']);
    }
  });

  it('answers an unknown tenant with AADSTS90002, not a crash', async () => {
    const response = await http.request(`${mock.url}/fabrikam.test/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(400);
    expect(response.body).toContain('AADSTS90002');
  });
});

describe('authorization code with PKCE', () => {
  it('issues Entra-shaped ID tokens that verify against the JWKS (tid, oid, pairwise sub, roles, ver, auth_time, amr)', async () => {
    const result = await runScriptedSignIn(mock.url, mock.caCert, {
      tenant: 'contoso.test',
      ...portalClient,
      userPrincipalName: 'lynne.robbins@contoso.test',
      password: demoPassword,
      methods: ['password', 'microsoftAuthenticatorPush'],
    });
    expect(result.outcome).toBe('granted');
    const { payload } = await jwtVerify(String(result.tokens?.id_token), jwks, {
      issuer: issuer(),
      audience: portalClient.clientId,
    });
    expect(payload).toMatchObject({
      tid: tenantId,
      ver: '2.0',
      preferred_username: 'lynne.robbins@contoso.test',
      name: 'Lynne Robbins',
      roles: ['Desk.Agent'],
      amr: ['pwd', 'rsa', 'mfa'],
    });
    expect(payload.oid).toMatch(/^[0-9a-f-]{36}$/);
    expect(payload.sub).not.toBe(payload.oid);
    expect(typeof payload.auth_time).toBe('number');
    expect(result.tokens?.refresh_token).toBeTruthy();
  });

  it('emits no amr claim when the extension is switched off', async () => {
    const plain = await startTestMockIdp({}, { MOCK_IDP_EMIT_AMR: '0' });
    try {
      const result = await runScriptedSignIn(plain.url, plain.caCert, {
        tenant: tenantId,
        ...portalClient,
        userPrincipalName: 'adele.vance@contoso.test',
        password: demoPassword,
        methods: ['password', 'microsoftAuthenticatorPush'],
      });
      expect(decodeJwt(String(result.tokens?.id_token)).amr).toBeUndefined();
    } finally {
      await plain.stop();
    }
  });

  it('refreshes tokens with the refresh token', async () => {
    const result = await runScriptedSignIn(mock.url, mock.caCert, {
      tenant: tenantId,
      ...portalClient,
      userPrincipalName: 'adele.vance@contoso.test',
      password: demoPassword,
      methods: ['password', 'microsoftAuthenticatorPush'],
    });
    const refreshed = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: String(result.tokens?.refresh_token),
      client_id: portalClient.clientId,
      client_secret: portalClient.clientSecret,
    });
    expect(refreshed.status).toBe(200);
    const { payload } = await jwtVerify(String(refreshed.json.id_token), jwks, {
      issuer: issuer(),
      audience: portalClient.clientId,
    });
    expect(payload.preferred_username).toBe('adele.vance@contoso.test');
  });

  it('issues a JWT access token for Graph when a Graph scope is requested', async () => {
    const result = await runScriptedSignIn(mock.url, mock.caCert, {
      tenant: tenantId,
      ...portalClient,
      scope: 'openid profile User.Read',
      userPrincipalName: 'adele.vance@contoso.test',
      password: demoPassword,
      methods: ['password', 'microsoftAuthenticatorPush'],
    });
    expect(result.outcome).toBe('granted');
    const { payload } = await jwtVerify(String(result.tokens?.access_token), jwks, {
      issuer: issuer(),
      audience: 'https://graph.microsoft.com',
    });
    expect(payload).toMatchObject({
      tid: tenantId,
      idtyp: 'user',
      preferred_username: 'adele.vance@contoso.test',
      amr: ['pwd', 'rsa', 'mfa'],
    });
  });

  it('accepts the claims parameter with an essential acrs value and reports the satisfied context', async () => {
    const claims = JSON.stringify({ access_token: { acrs: { essential: true, value: 'c1' } } });
    const result = await runScriptedSignIn(mock.url, mock.caCert, {
      tenant: tenantId,
      ...portalClient,
      scope: 'openid User.Read',
      claims,
      userPrincipalName: 'adele.vance@contoso.test',
      password: demoPassword,
      methods: ['password', 'microsoftAuthenticatorPush'],
    });
    expect(result.outcome).toBe('granted');
    expect(decodeJwt(String(result.tokens?.access_token)).acrs).toEqual(['c1']);
    expect(decodeJwt(String(result.tokens?.id_token)).acrs).toEqual(['c1']);
  });
});

describe('OAuth errors, never a crash', () => {
  const authorize = (params: Record<string, string>) => {
    const url = new URL(`${mock.url}/${tenantId}/oauth2/v2.0/authorize`);
    Object.entries(params).forEach(([k, v]) => url.searchParams.set(k, v));
    return createHttpClient(mock.caCert).request(url.href);
  };
  const challenge = crypto.createHash('sha256').update('x'.repeat(43)).digest('base64url');

  it('rejects an unknown client', async () => {
    const response = await authorize({
      client_id: 'nope',
      response_type: 'code',
      redirect_uri: testClient.redirectUri,
      scope: 'openid',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(response.status).toBe(400);
    expect(response.body).toContain('invalid_client');
  });

  it('rejects a redirect URI that is not registered', async () => {
    const response = await authorize({
      client_id: testClient.clientId,
      response_type: 'code',
      redirect_uri: 'http://localhost:3999/evil',
      scope: 'openid',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(response.status).toBe(400);
    expect(response.body).toContain('redirect_uri');
  });

  it('requires PKCE and refuses the plain method', async () => {
    const missing = await authorize({
      client_id: testClient.clientId,
      response_type: 'code',
      redirect_uri: testClient.redirectUri,
      scope: 'openid',
      state: 's',
    });
    expect(missing.headers.location).toContain('error=invalid_request');
    const plain = await authorize({
      client_id: testClient.clientId,
      response_type: 'code',
      redirect_uri: testClient.redirectUri,
      scope: 'openid',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'plain',
    });
    expect(plain.headers.location).toContain('error=invalid_request');
  });

  it('refuses a malformed claims parameter', async () => {
    const response = await authorize({
      client_id: testClient.clientId,
      response_type: 'code',
      redirect_uri: testClient.redirectUri,
      scope: 'openid',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      claims: '{not json',
    });
    expect(response.headers.location).toContain('error=invalid_request');
  });

  it('refuses a reused code and a wrong code_verifier', async () => {
    const signIn = (exchangeCode: boolean) =>
      runScriptedSignIn(mock.url, mock.caCert, {
        tenant: tenantId,
        ...testClient,
        userPrincipalName: 'adele.vance@contoso.test',
        password: demoPassword,
        methods: ['password', 'microsoftAuthenticatorPush'],
        exchangeCode,
      });
    const first = await signIn(false);
    expect(first.code).toBeTruthy();
    const bad = await tokenRequest({
      grant_type: 'authorization_code',
      code: String(first.code),
      redirect_uri: testClient.redirectUri,
      client_id: testClient.clientId,
      client_secret: testClient.clientSecret,
      code_verifier: 'y'.repeat(43),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe('invalid_grant');
    // A failed PKCE check consumes the code too: the code is single use whatever happens.
    const again = await tokenRequest({
      grant_type: 'authorization_code',
      code: String(first.code),
      redirect_uri: testClient.redirectUri,
      client_id: testClient.clientId,
      client_secret: testClient.clientSecret,
      code_verifier: 'y'.repeat(43),
    });
    expect(again.json.error).toBe('invalid_grant');
  });

  it('refuses a wrong client secret', async () => {
    const response = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: portalClient.clientId,
      client_secret: 'wrong',
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(response.status).toBe(401);
    expect(response.json.error).toBe('invalid_client');
  });
});

describe('client credentials', () => {
  it('issues app-only Graph tokens carrying application permissions in roles', async () => {
    const response = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: portalClient.clientId,
      client_secret: portalClient.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(response.status).toBe(200);
    const { payload } = await jwtVerify(String(response.json.access_token), jwks, {
      issuer: issuer(),
      audience: 'https://graph.microsoft.com',
    });
    expect(payload).toMatchObject({ tid: tenantId, idtyp: 'app', azp: portalClient.clientId });
    expect(payload.roles).toContain('User-PasswordProfile.ReadWrite.All');
  });
});

describe('device code', () => {
  it('starts a device authorization and answers authorization_pending while the user has not signed in', async () => {
    const { body, headers } = formBody({
      client_id: testClient.clientId,
      client_secret: testClient.clientSecret,
      scope: 'openid profile',
    });
    const started = await http.request(`${mock.url}/${tenantId}/oauth2/v2.0/devicecode`, {
      method: 'POST',
      body,
      headers,
    });
    expect(started.status).toBe(200);
    const device = parsedJson(deviceCodeSchema, started.body);
    expect(device.verification_uri).toBe(`${mock.url}/${tenantId}/oauth2/v2.0/deviceauth`);
    const poll = await tokenRequest({
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      device_code: device.device_code,
      client_id: testClient.clientId,
      client_secret: testClient.clientSecret,
    });
    expect(poll.json.error).toBe('authorization_pending');
  });
});

describe('@azure/msal-node against the mock', () => {
  const msal = () =>
    new ConfidentialClientApplication({
      auth: {
        clientId: portalClient.clientId,
        clientSecret: portalClient.clientSecret,
        authority: `${mock.url}/contoso.test`,
        knownAuthorities: [new URL(mock.url).host],
      },
      system: { networkClient: msalNetworkClient(mock.caCert) },
    });

  it('completes authorization code with PKCE (AAD protocol mode, knownAuthorities)', async () => {
    const app = msal();
    const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
    const authorizeUrl = await app.getAuthCodeUrl({
      scopes: ['User.Read'],
      redirectUri: portalClient.redirectUri,
      codeChallenge: challenge,
      codeChallengeMethod: 'S256',
      loginHint: 'adele.vance@contoso.test',
    });
    const driven = await runScriptedSignIn(mock.url, mock.caCert, {
      tenant: tenantId,
      ...portalClient,
      authorizeUrl,
      userPrincipalName: 'adele.vance@contoso.test',
      password: demoPassword,
      methods: ['password', 'microsoftAuthenticatorPush'],
    });
    expect(driven.outcome).toBe('granted');
    const result = await app.acquireTokenByCode({
      code: String(driven.code),
      scopes: ['User.Read'],
      redirectUri: portalClient.redirectUri,
      codeVerifier: verifier,
    });
    expect(result.account?.username).toBe('adele.vance@contoso.test');
    expect(result.idTokenClaims).toMatchObject({ tid: tenantId, iss: issuer() });
    await jwtVerify(result.accessToken, jwks, { issuer: issuer(), audience: 'https://graph.microsoft.com' });
  });

  it('acquires a client-credentials token for Graph', async () => {
    const result = await msal().acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    const { payload } = await jwtVerify(String(result?.accessToken), createRemoteJWKSetWithCa(), {
      issuer: issuer(),
      audience: 'https://graph.microsoft.com',
    });
    expect(payload.roles).toContain('User.ReadWrite.All');
  });
});

// jose's remote JWKS uses fetch, which cannot trust a per-request CA; the local set is equivalent.
function createRemoteJWKSetWithCa() {
  return jwks ?? createRemoteJWKSet(new URL(`${mock.url}/${tenantId}/discovery/v2.0/keys`));
}

describe('next-auth provider compatibility (openid-client, as next-auth 4 uses it)', () => {
  it('discovers the provider from wellKnown and completes code + PKCE + state + nonce, validating the ID token', async () => {
    custom.setHttpOptionsDefaults({ ca: mock.caCert });
    // Same shape as server/auth/entra-provider.ts: wellKnown + issuer + checks ['pkce','state','nonce'].
    const discovered = await Issuer.discover(`${mock.url}/${tenantId}/v2.0/.well-known/openid-configuration`);
    expect(discovered.issuer).toBe(issuer());
    const client = new discovered.Client({
      client_id: portalClient.clientId,
      client_secret: portalClient.clientSecret,
      redirect_uris: [portalClient.redirectUri],
      response_types: ['code'],
    });
    const codeVerifier = generators.codeVerifier();
    const state = generators.state();
    const nonce = generators.nonce();
    const authorizeUrl = client.authorizationUrl({
      scope: 'openid profile offline_access',
      code_challenge: generators.codeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      login_hint: 'grady.archie@contoso.test',
    });
    const driven = await runScriptedSignIn(mock.url, mock.caCert, {
      tenant: tenantId,
      ...portalClient,
      authorizeUrl,
      userPrincipalName: 'grady.archie@contoso.test',
      password: demoPassword,
      methods: ['password', 'microsoftAuthenticatorPush'],
    });
    expect(driven.outcome).toBe('granted');
    const params = client.callbackParams(String(driven.redirectUrl));
    const tokens = await client.callback(portalClient.redirectUri, params, {
      code_verifier: codeVerifier,
      state,
      nonce,
    });
    expect(tokens.claims()).toMatchObject({
      preferred_username: 'grady.archie@contoso.test',
      roles: ['Desk.Supervisor'],
      tid: tenantId,
    });
  });
});

describe('prompt, max_age and single sign-on', () => {
  const authorizeUrl = (params: Record<string, string>) => {
    const url = new URL(`${mock.url}/${tenantId}/oauth2/v2.0/authorize`);
    const all = {
      client_id: testClient.clientId,
      response_type: 'code',
      redirect_uri: testClient.redirectUri,
      scope: 'openid profile',
      code_challenge: crypto.createHash('sha256').update('v'.repeat(43)).digest('base64url'),
      code_challenge_method: 'S256',
      state: 'st',
      ...params,
    };
    Object.entries(all).forEach(([k, v]) => url.searchParams.set(k, v));
    return url.href;
  };

  it('answers prompt=none without a session with login_required', async () => {
    const response = await createHttpClient(mock.caCert).request(authorizeUrl({ prompt: 'none' }));
    expect(String(response.headers.location)).toContain('error=login_required');
  });

  it('reuses the session and grant for prompt=none, and asks again for prompt=login and max_age=0', async () => {
    const browser = createHttpClient(mock.caCert);
    const first = await runScriptedSignIn(
      mock.url,
      mock.caCert,
      {
        tenant: tenantId,
        ...testClient,
        userPrincipalName: 'adele.vance@contoso.test',
        password: demoPassword,
        methods: ['password', 'microsoftAuthenticatorPush'],
      },
      browser,
    );
    expect(first.outcome).toBe('granted');
    // prompt=none: no page; the session and the grant of the first sign-in are reused.
    let response = await browser.request(authorizeUrl({ prompt: 'none' }));
    for (
      let i = 0;
      i < 10 &&
      response.status >= 300 &&
      response.status < 400 &&
      !String(response.headers.location).startsWith(testClient.redirectUri);
      i++
    ) {
      response = await browser.request(new URL(String(response.headers.location), mock.url).href);
    }
    expect(String(response.headers.location)).toMatch(/^http:\/\/localhost:3999\/callback\?code=/);
    const stepUps: Record<string, string>[] = [{ prompt: 'login' }, { max_age: '0' }];
    for (const params of stepUps) {
      const again = await browser.request(authorizeUrl(params));
      expect(String(again.headers.location)).toContain('/interaction/');
    }
  });

  it('shows the account picker for prompt=select_account', async () => {
    const browser = createHttpClient(mock.caCert);
    await runScriptedSignIn(
      mock.url,
      mock.caCert,
      {
        tenant: tenantId,
        ...testClient,
        userPrincipalName: 'adele.vance@contoso.test',
        password: demoPassword,
        methods: ['password', 'microsoftAuthenticatorPush'],
      },
      browser,
    );
    const start = await browser.request(authorizeUrl({ prompt: 'select_account' }));
    const page = await browser.request(new URL(String(start.headers.location), mock.url).href);
    expect(page.body).toContain('Pick an account');
    expect(page.body).toContain('adele.vance@contoso.test');
  });
});
