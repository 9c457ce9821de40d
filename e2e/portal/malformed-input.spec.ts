// Malformed input at the edge is a 4xx with the common body, never a 500 (issue 13): a cross-origin server
// action, an Origin header that is not a URL, a page path with malformed percent-encoding, a next-auth
// callbackUrl or callback cookie that is not a URL.
import fs from 'node:fs';
import http from 'node:http';
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

/** A POST sent `Transfer-Encoding: chunked` with no Content-Length (Playwright's request client always sets one). */
function chunkedPost(
  path: string,
  body: string | number,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${portalUrl}${path}`, { method: 'POST', headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    // The edge answers before the whole body is sent: a reset of the rest is expected, not a failure.
    request.on('error', (error) => (/EPIPE|ECONNRESET/.test(error.message) ? undefined : reject(error)));
    if (typeof body === 'string') request.write(body);
    const chunk = 'x'.repeat(64 * 1024);
    for (let sent = 0; typeof body === 'number' && sent < body; sent += chunk.length)
      request.write(chunk.slice(0, Math.min(chunk.length, body - sent)));
    request.end();
  });
}

/** A real server action's id from the e2e build (the import form's action needs a signed-in admin). */
function importActionId(): string {
  const manifest = z
    .object({ node: z.record(z.string(), z.object({ exportedName: z.string().optional() })) })
    .parse(JSON.parse(fs.readFileSync('.next-e2e/server/server-reference-manifest.json', 'utf8')));
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === 'importPolicySetAction')?.[0];
  if (!id) throw new Error('importPolicySetAction is not in the e2e build');
  return id;
}

test('a chunked server action body over the limit, with no Content-Length, is a 413 with the common body, audited', async () => {
  const headers = {
    'next-action': importActionId(),
    'content-type': 'text/plain;charset=UTF-8',
    origin: portalUrl,
    'sec-fetch-site': 'same-origin',
  };
  const over = await chunkedPost('/admin/simulator', serverActionBodyLimitBytes + 1, headers);
  expect(over.status).toBe(413);
  expect(JSON.parse(over.body)).toEqual({
    error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String), reason: 'bodyTooLarge' },
  });
  expect(edgeDenials().map((row) => JSON.parse(row.detailsJson))).toContainEqual({
    code: 'PAYLOAD_TOO_LARGE',
    reason: 'bodyTooLarge',
    method: 'POST',
    path: '/admin/simulator',
  });
  // Under the limit the action still gets the body the edge counted: it runs and refuses the signed-out caller.
  const withArguments = await chunkedPost('/admin/simulator', '["$K1"]', headers);
  expect(withArguments.status).toBe(200);
  expect(withArguments.body).toContain('signedOut');
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
