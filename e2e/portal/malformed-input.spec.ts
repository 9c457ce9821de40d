// Malformed input at the edge is a 4xx with the common body, never a 500 (issue 13): a cross-origin server
// action, an Origin header that is not a URL, a page path with malformed percent-encoding, a next-auth
// callbackUrl or callback cookie that is not a URL.
import { expect, test } from '@playwright/test';
import { portalUrl } from '../fixtures/portal';

const action = {
  'next-action': '7f00000000000000000000000000000000000000',
  'content-type': 'text/plain;charset=UTF-8',
};

test('a cross-origin server action call on the simulator is a 403, not a 500', async ({ request }) => {
  const response = await request.post(`${portalUrl}/admin/simulator`, {
    data: '[]',
    headers: { ...action, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toEqual({
    error: { code: 'FORBIDDEN', message: expect.any(String), reason: 'crossSite' },
  });
});

test('a server action with an Origin header that is not a URL is a 403', async ({ request }) => {
  const response = await request.post(`${portalUrl}/admin/simulator`, {
    data: '[]',
    headers: { ...action, origin: 'garbage', 'sec-fetch-site': 'same-origin' },
  });
  expect(response.status()).toBe(403);
});

test('a page path with malformed percent-encoding is a 400', async ({ request }) => {
  for (const path of ['/reset/verify/%ff', '/unlock/verify/%ff', '/admin/simulator/%ff/findings']) {
    const response = await request.get(`${portalUrl}${path}`);
    expect(response.status(), path).toBe(400);
    expect((await response.json()).error.reason).toBe('malformedPath');
  }
});

test('a next-auth callbackUrl or callback cookie that is not a URL is a 400', async ({ request }) => {
  const query = await request.get(`${portalUrl}/api/auth/signin/entra?callbackUrl=http%3A%2F%2F%5B`);
  expect(query.status()).toBe(400);
  expect((await query.json()).error).toMatchObject({ code: 'INVALID_INPUT', path: 'callbackUrl' });
  const cookie = await request.get(`${portalUrl}/api/auth/session`, {
    headers: { cookie: '__Secure-next-auth.callback-url=not%20a%20url' },
  });
  expect(cookie.status()).toBe(400);
});
