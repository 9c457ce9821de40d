// Priorities 2-4 of issue 3 over HTTP: sign-in methods, the Authenticator's number matching and
// rate limit, smart lockout, Conditional Access enforced by the engine after the first factor,
// trusted locations through the control API, and Entra-shaped sign-in logs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpClient, formBody } from './http/https-client';
import { runScriptedSignIn, type ScriptedSignInRequest } from './control/scripted-sign-in';
import { signInLogEntrySchema, type SignInLogEntry } from './store/sign-in-logs';
import type { RunningMockIdp } from './start-mock-idp';
import { createTemporaryAccessPass } from './methods/temporary-access-pass';
import { findUser } from './store/tenant';
import { demoPassword, portalClient, resetClient, startTestMockIdp, tenantId, testClient } from './test-support';
import { jsonObjectSchema, parsedJson } from './test-json';

let mock: RunningMockIdp;
beforeAll(async () => {
  mock = await startTestMockIdp();
});
afterAll(async () => {
  await mock.stop();
});
beforeEach(async () => {
  await control('reset');
});

async function control(path: string, body: unknown = {}) {
  const response = await createHttpClient(mock.caCert).request(`${mock.url}/control/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return parsedJson(jsonObjectSchema, response.body);
}
async function signInLogs(): Promise<SignInLogEntry[]> {
  const response = await createHttpClient(mock.caCert).request(`${mock.url}/control/sign-in-logs`);
  return parsedJson(z.object({ value: z.array(signInLogEntrySchema) }), response.body).value;
}
const signIn = (input: Partial<ScriptedSignInRequest> & Pick<ScriptedSignInRequest, 'userPrincipalName' | 'methods'>) =>
  runScriptedSignIn(mock.url, mock.caCert, { tenant: tenantId, ...testClient, password: demoPassword, ...input });

describe('Conditional Access after the first factor (engine decisions)', () => {
  it('asks for Authenticator push with number matching after the password, then grants (MFA except on trusted networks)', async () => {
    const result = await signIn({
      userPrincipalName: 'adele.vance@contoso.test',
      methods: ['password', 'microsoftAuthenticatorPush'],
    });
    expect(result.outcome).toBe('granted');
    const [log] = await signInLogs();
    expect(log).toMatchObject({
      userPrincipalName: 'adele.vance@contoso.test',
      authenticationMethodsUsed: ['password', 'microsoftAuthenticatorPush'],
      status: { errorCode: 0 },
      conditionalAccessStatus: 'success',
    });
    const mfa = log?.appliedConditionalAccessPolicies.find((p) => p.displayName === 'MFA except on trusted networks');
    expect(mfa?.result).toBe('success');
    expect(log?.appliedConditionalAccessPolicies.some((p) => String(p.result).startsWith('reportOnly'))).toBe(true);
  });

  it('stops a password-only session on an untrusted network and offers the second factor', async () => {
    const result = await signIn({ userPrincipalName: 'adele.vance@contoso.test', methods: ['password'] });
    expect(result).toMatchObject({ outcome: 'interrupted', nextMethod: 'microsoftAuthenticatorPush' });
  });

  it('lets a password-only sign-in through from a trusted named location set by the control API; elsewhere asks to register an MFA method', async () => {
    const trusted = await signIn({
      userPrincipalName: 'nestor.wilke@contoso.test',
      methods: ['password'],
      clientIp: '203.0.113.7',
    });
    expect(trusted.outcome).toBe('granted');
    const untrusted = await signIn({
      userPrincipalName: 'nestor.wilke@contoso.test',
      methods: ['password'],
      clientIp: '192.0.2.44',
    });
    expect(untrusted.outcome).toBe('registrationRequired');
    const logs = await signInLogs();
    expect(logs[0]).toMatchObject({ ipAddress: '203.0.113.7', status: { errorCode: 0 } });
  });

  it('tells a password session that needs Passwordless MFA to restart with Sign-in options, and phone sign-in then succeeds', async () => {
    const password = await signIn({
      ...resetClient,
      userPrincipalName: 'pradeep.gupta@contoso.test',
      methods: ['password'],
    });
    expect(password.outcome).toBe('restartRequired');
    const phone = await signIn({
      ...resetClient,
      userPrincipalName: 'pradeep.gupta@contoso.test',
      methods: ['deviceBasedPush'],
    });
    expect(phone.outcome).toBe('granted');
  });

  it('signs in passwordless with Authenticator (number + PIN) and no password', async () => {
    const result = await signIn({
      ...portalClient,
      userPrincipalName: 'grady.archie@contoso.test',
      methods: ['deviceBasedPush'],
    });
    expect(result.outcome).toBe('granted');
  });

  it('signs in with SMS codes delivered to the outbox', async () => {
    const result = await signIn({ userPrincipalName: 'megan.bowen@contoso.test', methods: ['password', 'sms'] });
    expect(result.outcome).toBe('granted');
    const outbox = await createHttpClient(mock.caCert).request(
      `${mock.url}/control/outbox?upn=megan.bowen@contoso.test`,
    );
    expect(JSON.parse(outbox.body).value[0]).toMatchObject({ channel: 'sms', to: '+1 425 555 0105' });
  });

  it('signs in with a Temporary Access Pass, once', async () => {
    const user = findUser(mock.mock.tenant, 'nestor.wilke@contoso.test');
    if (!user) throw new Error('fixture user missing');
    const { pass } = createTemporaryAccessPass(
      mock.mock.store,
      user.id,
      { lifetimeInMinutes: 60, isUsableOnce: true },
      Date.now(),
    );
    const first = await signIn({
      userPrincipalName: 'nestor.wilke@contoso.test',
      methods: ['temporaryAccessPassOneTime'],
      temporaryAccessPass: pass,
    });
    expect(first.outcome).toBe('granted');
    const second = await signIn({
      userPrincipalName: 'nestor.wilke@contoso.test',
      methods: ['temporaryAccessPassOneTime'],
      temporaryAccessPass: pass,
    });
    expect(second.outcome).not.toBe('granted');
  });

  it('signs in with Windows Hello (simulated PIN)', async () => {
    const result = await signIn({
      userPrincipalName: 'diego.siciliani@contoso.test',
      methods: ['windowsHelloForBusiness'],
      windowsHelloPin: '246810',
    });
    expect(result.outcome).toBe('granted');
  });
});

describe('smart lockout', () => {
  it('locks the account after 10 wrong passwords, refuses the right one while locked, logs 50053', async () => {
    for (let i = 0; i < 10; i++) {
      const wrong = await signIn({
        userPrincipalName: 'nestor.wilke@contoso.test',
        methods: ['password'],
        password: `Wrong-${i}-Pass!`,
      });
      expect(wrong.outcome).toBe('failed');
    }
    const right = await signIn({
      userPrincipalName: 'nestor.wilke@contoso.test',
      methods: ['password'],
      clientIp: '203.0.113.7',
    });
    expect(right.outcome).toBe('failed');
    expect(right.message).toContain('temporarily locked');
    const [log] = await signInLogs();
    expect(log?.status.errorCode).toBe(50053);
  });
});

describe('Authenticator number matching and push rate limit', () => {
  async function startPush(upn: string) {
    const client = createHttpClient(mock.caCert);
    const url = new URL(`${mock.url}/${tenantId}/oauth2/v2.0/authorize`);
    const params = {
      client_id: testClient.clientId,
      response_type: 'code',
      redirect_uri: testClient.redirectUri,
      scope: 'openid',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      login_hint: upn,
    };
    Object.entries(params).forEach(([k, v]) => url.searchParams.set(k, v));
    let response = await client.request(url.href);
    const interaction = new URL(String(response.headers.location), url).href;
    await client.request(interaction);
    const { body, headers } = formBody({});
    response = await client.request(`${interaction}/push`, { method: 'POST', body, headers });
    return { client, interaction, response };
  }

  it('fails the request when the wrong number is entered, and approve without a number is impossible', async () => {
    const { client, interaction } = await startPush('pradeep.gupta@contoso.test');
    const page = await client.request(`${interaction}?method=deviceBasedPush`);
    const shown = Number(/data-testid="push-number"[^>]*>(\d+)</.exec(page.body)?.[1]);
    const noNumber = await control('authenticator/pradeep.gupta@contoso.test/requests/latest/approve', {});
    expect(noNumber.status).toBe('pending');
    const wrong = await control('authenticator/pradeep.gupta@contoso.test/requests/latest/approve', {
      number: shown === 99 ? 10 : shown + 1,
    });
    expect(wrong.status).toBe('numberMismatch');
    const { body, headers } = formBody({});
    const after = await client.request(`${interaction}/push-result`, { method: 'POST', body, headers });
    expect(after.body).toContain('You entered the wrong number');
  });

  it('blocks further pushes after a burst of unanswered ones and logs it', async () => {
    for (let i = 0; i < 3; i++) {
      const { response } = await startPush('pradeep.gupta@contoso.test');
      expect(response.status).toBe(303);
    }
    const { response } = await startPush('pradeep.gupta@contoso.test');
    expect(response.status).toBe(400);
    expect(response.body).toContain('too many notifications');
    const [log] = await signInLogs();
    expect(log?.status.errorCode).toBe(50199);
  });
});
