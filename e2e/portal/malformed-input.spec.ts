// Malformed input at the edge is a 4xx with the common body, never a 500 (issue 13): a cross-origin server
// action, an Origin header that is not a URL, a page path with malformed percent-encoding, a next-auth
// callbackUrl or callback cookie that is not a URL.
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { serverActionBodyLimitBytes } from '../../server/http/server-action-limit';
import { ports } from '../fixtures/ports';
import { portalUrl } from '../fixtures/portal';

/** The edge's refusals in the portal's audit log (the e2e portal's own SQLite file, playwright.config.ts). */
function edgeDenials(): { detailsJson: string }[] {
  const db = new Database(`data/e2e-${ports.portal}.db`, { readonly: true });
  try {
    return z
      .array(z.object({ detailsJson: z.string() }))
      .parse(db.prepare("SELECT detailsJson FROM AuditEvent WHERE action = 'edge.denied' ORDER BY seq").all());
  } finally {
    db.close();
  }
}

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
  // Refused at the edge and audited like every other denial (server/http/edge-refusal-route.ts).
  expect(edgeDenials().map((row) => JSON.parse(row.detailsJson))).toContainEqual({
    code: 'FORBIDDEN',
    reason: 'crossSite',
    method: 'POST',
    path: '/admin/simulator',
  });
});

test('the edge’s own headers from a client never reach the refusal route', async ({ request }) => {
  const response = await request.get(`${portalUrl}/api/edge-refusal`, {
    headers: { 'x-verity-edge-refusal': 'crossSite', 'x-verity-edge-path': '/forged' },
  });
  expect(response.status()).toBe(404);
  expect(edgeDenials().map((row) => JSON.parse(row.detailsJson).path)).not.toContain('/forged');
});

test('a server action body over serverActions.bodySizeLimit is a 413, not the 500 Next gives, and audited', async ({
  request,
}) => {
  const response = await request.post(`${portalUrl}/admin/simulator`, {
    data: 'x'.repeat(serverActionBodyLimitBytes + 1),
    headers: { ...action, origin: portalUrl, 'sec-fetch-site': 'same-origin' },
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', reason: 'bodyTooLarge' });
  expect(edgeDenials().map((row) => JSON.parse(row.detailsJson).reason)).toContain('bodyTooLarge');
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
    expect(edgeDenials().map((row) => JSON.parse(row.detailsJson).path)).toContain(path);
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
