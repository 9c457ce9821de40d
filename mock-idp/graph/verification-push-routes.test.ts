// The mock-only verification push (service desk, issue 5) and Graph memberOf / transitiveMemberOf.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, formBody } from '../http/https-client';
import type { RunningMockIdp } from '../start-mock-idp';
import { portalClient, startTestMockIdp, tenantId, testClient } from '../test-support';
import { looseGraphJsonSchema, parsedJson, tokenAnswerSchema } from '../test-json';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON under test, narrowed by expect()
type GraphJson = Record<string, any>;

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

async function call(
  path: string,
  options: { method?: string; token?: string; body?: unknown; form?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { Authorization: `Bearer ${options.token ?? portalToken}` };
  let body: string | undefined;
  if (options.body) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (options.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  }
  const response = await createHttpClient(mock.caCert).request(`${mock.url}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body,
  });
  return {
    status: response.status,
    json: response.body.startsWith('{') ? parsedJson(looseGraphJsonSchema, response.body) : {},
  };
}

const pushes = (upn: string) => `/graph/v1.0/users/${upn}/mockVerificationPushes`;

beforeAll(async () => {
  mock = await startTestMockIdp();
  portalToken = await appToken(portalClient.clientId, portalClient.clientSecret);
  readOnlyToken = await appToken(testClient.clientId, testClient.clientSecret);
});
afterAll(async () => {
  await mock.stop();
});
beforeEach(async () => {
  await call('/control/reset', { method: 'POST', body: {} });
});

describe('mock verification push (desk caller verification)', () => {
  it('delivers a number-matched push to the Authenticator page and reports approved only after the PIN', async () => {
    const created = await call(pushes('pradeep.gupta@contoso.test'), {
      method: 'POST',
      body: { appName: 'Verity service desk' },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: 'pending', appName: 'Verity service desk' });
    expect(created.json.number).toBeGreaterThanOrEqual(10);
    const pending = await call(`/authenticator/pradeep.gupta%40contoso.test/requests.json`);
    expect(pending.json.value.map((r: GraphJson) => r.id)).toContain(created.json.id);
    await call(`/control/authenticator/pradeep.gupta@contoso.test/requests/${created.json.id}/approve`, {
      method: 'POST',
      body: { number: created.json.number },
    });
    const status = await call(`${pushes('pradeep.gupta@contoso.test')}/${created.json.id}`);
    expect(status.json).toEqual(expect.objectContaining({ id: created.json.id, status: 'approved' }));
    expect(status.json.number).toBeUndefined();
  });

  it('reports a wrong number, a denial and a report as such', async () => {
    const a = (await call(pushes('adele.vance@contoso.test'), { method: 'POST', body: {} })).json;
    await call(`/authenticator/adele.vance%40contoso.test/requests/${a.id}/answer`, {
      method: 'POST',
      form: { action: 'approve', number: String(a.number === 99 ? 10 : a.number + 1) },
    });
    expect((await call(`${pushes('adele.vance@contoso.test')}/${a.id}`)).json.status).toBe('numberMismatch');
    const b = (await call(pushes('adele.vance@contoso.test'), { method: 'POST', body: {} })).json;
    await call(`/control/authenticator/adele.vance@contoso.test/requests/${b.id}/deny`, { method: 'POST', body: {} });
    expect((await call(`${pushes('adele.vance@contoso.test')}/${b.id}`)).json.status).toBe('denied');
  });

  it('rate-limits unanswered pushes (no push bombing), needs the permission and an Authenticator', async () => {
    for (let i = 0; i < 3; i++)
      expect((await call(pushes('adele.vance@contoso.test'), { method: 'POST', body: {} })).status).toBe(201);
    const limited = await call(pushes('adele.vance@contoso.test'), { method: 'POST', body: {} });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('tooManyRequests');
    expect(
      (await call(pushes('pradeep.gupta@contoso.test'), { method: 'POST', body: {}, token: readOnlyToken })).status,
    ).toBe(403);
    expect((await call(pushes('nestor.wilke@contoso.test'), { method: 'POST', body: {} })).status).toBe(400);
    expect((await call(`${pushes('pradeep.gupta@contoso.test')}/not-a-push`)).status).toBe(404);
  });
});

describe('memberOf', () => {
  it('lists directory roles and groups; transitiveMemberOf follows nested groups', async () => {
    const isaiah = await call('/graph/v1.0/users/isaiah.langer@contoso.test/memberOf');
    expect(isaiah.json.value).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          '@odata.type': '#microsoft.graph.directoryRole',
          displayName: 'Global Administrator',
        }),
      ]),
    );
    const grady = await call('/graph/v1.0/users/grady.archie@contoso.test/transitiveMemberOf');
    expect(grady.json.value.map((g: GraphJson) => g.displayName)).toEqual(
      expect.arrayContaining(['Desk Supervisors', 'Service Desk', 'All Staff']),
    );
    const direct = await call('/graph/v1.0/users/grady.archie@contoso.test/memberOf');
    expect(direct.json.value.map((g: GraphJson) => g.displayName)).toEqual(['Desk Supervisors']);
  });
});

describe('password change at next sign-in without a password (desk action)', () => {
  it('accepts passwordProfile with only forceChangePasswordNextSignIn and keeps the password working', async () => {
    const { isPasswordChangeRequired, isPasswordCorrect } = await import('../methods/passwords');
    const user = (await call('/graph/v1.0/users/adele.vance@contoso.test')).json;
    expect(
      (
        await call('/graph/v1.0/users/adele.vance@contoso.test', {
          method: 'PATCH',
          body: { passwordProfile: { forceChangePasswordNextSignIn: true } },
        })
      ).status,
    ).toBe(204);
    expect(isPasswordChangeRequired(mock.mock.store, user.id)).toBe(true);
    expect(isPasswordCorrect(mock.mock.store, user.id, 'Verity-Demo-2024!', 'unused')).toBe(true);
    expect(
      (await call('/graph/v1.0/users/adele.vance@contoso.test', { method: 'PATCH', body: { passwordProfile: {} } }))
        .status,
    ).toBe(400);
  });
});
