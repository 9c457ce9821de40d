// The reusable Entra MFA verification against the in-process mock Entra ID with @azure/msal-node
// (authorization code + PKCE, login_hint, prompt=login, state + nonce), including forged callbacks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScriptedSignIn } from '../../mock-idp/control/scripted-sign-in';
import { demoPassword, msalNetworkClient, resetClient, startTestMockIdp, tenantId } from '../../mock-idp/test-support';
import type { RunningMockIdp } from '../../mock-idp/start-mock-idp';
import { createEntraMfaVerification, type EntraMfaPendingVerification } from './entra-mfa-verification';

let mock: RunningMockIdp;
const pradeepOid = '5d1e7a30-6c2b-4f8e-9a4d-000000000002';
const adeleOid = '5d1e7a30-6c2b-4f8e-9a4d-000000000001';

beforeAll(async () => {
  mock = await startTestMockIdp();
});
afterAll(async () => {
  await mock?.stop();
});

function verification(overrides: { requiredAuthenticationContext?: string } = {}) {
  return createEntraMfaVerification({
    authorityHost: mock.url,
    tenantId,
    clientId: resetClient.clientId,
    credential: { clientSecret: resetClient.clientSecret },
    maxAuthAgeSeconds: 300,
    networkClient: msalNetworkClient(mock.caCert),
    ...overrides,
  });
}

async function signInThroughEntra(
  upn: string,
  expectedOid: string,
  methods: ('deviceBasedPush' | 'password' | 'microsoftAuthenticatorPush')[] = ['deviceBasedPush'],
) {
  const v = verification();
  const { authorizeUrl, pending } = await v.start({
    loginHint: upn,
    expectedOid,
    redirectUri: resetClient.redirectUri,
    binding: 'session-1',
    now: new Date(),
  });
  const driven = await runScriptedSignIn(mock.url, mock.caCert, {
    tenant: tenantId,
    ...resetClient,
    authorizeUrl,
    userPrincipalName: upn,
    password: demoPassword,
    methods,
    exchangeCode: false,
  });
  const query = driven.redirectUrl ? Object.fromEntries(new URL(driven.redirectUrl).searchParams) : {};
  return { v, pending, driven, query };
}

describe('Entra MFA verification (msal-node, auth code + PKCE)', () => {
  it('asks Entra for a fresh sign-in of this username with PKCE S256, state and nonce', async () => {
    const { authorizeUrl } = await verification().start({
      loginHint: 'pradeep.gupta@contoso.test',
      expectedOid: pradeepOid,
      redirectUri: resetClient.redirectUri,
      binding: 'b',
      now: new Date(),
    });
    const params = new URL(authorizeUrl).searchParams;
    expect(params.get('login_hint')).toBe('pradeep.gupta@contoso.test');
    expect(params.get('prompt')).toBe('login');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('state')?.length).toBeGreaterThanOrEqual(43);
    expect(params.get('nonce')?.length).toBeGreaterThanOrEqual(43);
  });

  it('verifies a passwordless user: oid matches, auth_time fresh, amr has mfa', async () => {
    const { v, pending, driven, query } = await signInThroughEntra('pradeep.gupta@contoso.test', pradeepOid);
    expect(driven.outcome).toBe('granted');
    const result = await v.complete({ query, pending, binding: 'session-1', now: new Date() });
    expect(result).toMatchObject({ ok: true, claims: { oid: pradeepOid, tid: tenantId } });
    if (result.ok) expect(result.claims.amr).toContain('mfa');
  });

  it('refuses a callback whose token is for another account (bad oid)', async () => {
    const { v, pending, query } = await signInThroughEntra('pradeep.gupta@contoso.test', adeleOid);
    expect(await v.complete({ query, pending, binding: 'session-1', now: new Date() })).toMatchObject({
      ok: false,
      reason: 'oidMismatch',
    });
  });

  it('refuses a forged state, another session’s round trip, a replayed code and a stale sign-in', async () => {
    const { v, pending, query } = await signInThroughEntra('pradeep.gupta@contoso.test', pradeepOid);
    expect(
      await v.complete({ query: { ...query, state: 'forged' }, pending, binding: 'session-1', now: new Date() }),
    ).toMatchObject({ ok: false, reason: 'stateMismatch' });
    expect(await v.complete({ query, pending, binding: 'session-2', now: new Date() })).toMatchObject({
      ok: false,
      reason: 'bindingMismatch',
    });
    expect(
      await v.complete({ query, pending, binding: 'session-1', now: new Date(Date.now() + 10 * 60_000) }),
    ).toMatchObject({ ok: false, reason: 'staleAuthentication' });
    // The code was spent by the exchange above: Entra refuses it a second time.
    expect(await v.complete({ query, pending, binding: 'session-1', now: new Date() })).toMatchObject({
      ok: false,
      reason: 'tokenExchangeFailed',
    });
  });

  it('a password + push user cannot get a token from the reset app (Passwordless MFA policy)', async () => {
    const { driven } = await signInThroughEntra('adele.vance@contoso.test', adeleOid, [
      'password',
      'microsoftAuthenticatorPush',
    ]);
    expect(driven.outcome).not.toBe('granted');
  });

  it('maps a cancel at Entra to "cancelled" and other errors to "entraError"', async () => {
    const v = verification();
    const { authorizeUrl, pending } = await v.start({
      loginHint: 'adele.vance@contoso.test',
      expectedOid: adeleOid,
      redirectUri: resetClient.redirectUri,
      binding: 'b',
      now: new Date(),
    });
    const state = String(new URL(authorizeUrl).searchParams.get('state'));
    expect(
      await v.complete({
        query: { state, error: 'access_denied', error_description: 'AADSTS50126 the user cancelled' },
        pending,
        binding: 'b',
        now: new Date(),
      }),
    ).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(
      await v.complete({ query: { state, error: 'interaction_required' }, pending, binding: 'b', now: new Date() }),
    ).toMatchObject({ ok: false, reason: 'entraError', entraErrorCode: 'interaction_required' });
  });

  it('requires MFA evidence: amr without mfa, or a missing authentication context, is refused', () => {
    const now = new Date();
    const pending: EntraMfaPendingVerification = {
      stateHash: '',
      nonce: 'n',
      codeVerifier: '',
      expectedOid: adeleOid,
      binding: 'b',
      redirectUri: resetClient.redirectUri,
      startedAt: now.getTime(),
    };
    const claims = {
      iss: `${mock.url}/${tenantId}/v2.0`,
      aud: resetClient.clientId,
      tid: tenantId,
      oid: adeleOid,
      nonce: 'n',
      auth_time: Math.floor(now.getTime() / 1000),
    };
    expect(verification().checkClaims({ ...claims, amr: ['pwd'] }, pending, now)).toMatchObject({
      ok: false,
      reason: 'noMfaEvidence',
    });
    expect(verification().checkClaims({ ...claims, amr: ['pwd', 'rsa', 'mfa'] }, pending, now)).toMatchObject({
      ok: true,
    });
    expect(
      verification({ requiredAuthenticationContext: 'c1' }).checkClaims({ ...claims, amr: ['mfa'] }, pending, now),
    ).toMatchObject({ ok: false, reason: 'noMfaEvidence' });
    expect(
      verification({ requiredAuthenticationContext: 'c1' }).checkClaims({ ...claims, acrs: ['c1'] }, pending, now),
    ).toMatchObject({ ok: true });
    expect(verification().checkClaims({ ...claims, amr: ['mfa'], nonce: 'other' }, pending, now)).toMatchObject({
      ok: false,
      reason: 'nonceMismatch',
    });
    expect(verification().checkClaims({ ...claims, amr: ['mfa'], tid: 'other-tenant' }, pending, now)).toMatchObject({
      ok: false,
      reason: 'wrongIssuer',
    });
    expect(verification().checkClaims({ ...claims, amr: ['mfa'], auth_time: undefined }, pending, now)).toMatchObject({
      ok: false,
      reason: 'staleAuthentication',
    });
    expect(
      verification().checkClaims({ ...claims, amr: ['mfa'] }, { ...pending, expectedOid: null }, now),
    ).toMatchObject({ ok: false, reason: 'oidMismatch' });
  });
});
