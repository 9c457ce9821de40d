// Malformed input at the edge is a 4xx with the common body, never a 500 (issue 13): a cross-origin server
// action, an Origin header that is not a URL, a server-action body Next cannot decode, broken chunk framing (Node's
// parser), a page path with malformed percent-encoding, a next-auth callbackUrl or callback cookie that is not a URL.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { serverActionBodyLimitBytes } from '../../server/http/server-action-limit';
import { ports } from '../fixtures/ports';
import { portalUrl } from '../fixtures/portal';

/** The edge's refusals in the portal's audit log (the e2e portal's own SQLite file, playwright.config.ts). */
function edgeDenials(action = 'edge.denied'): { detailsJson: string }[] {
  const db = new Database(`data/e2e-${ports.portal}.db`, { readonly: true });
  try {
    return z
      .array(z.object({ detailsJson: z.string() }))
      .parse(db.prepare('SELECT detailsJson FROM AuditEvent WHERE action = ? ORDER BY seq').all(action));
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

test('a server action body Next cannot decode is a 400 malformedBody with the common body, audited', async ({
  request,
}) => {
  const headers = { 'next-action': importActionId(), origin: portalUrl, 'sec-fetch-site': 'same-origin' };
  const cases: [string, string, string][] = [
    ['not JSON', 'text/plain;charset=UTF-8', 'not json'],
    ['not an argument list', 'text/plain;charset=UTF-8', '"abc"'],
    ['a reference to a part it does not have', 'text/plain;charset=UTF-8', '["$Q9"]'],
    ['a multipart body that does not parse', 'multipart/form-data; boundary=xyz', 'garbage'],
    [
      'a multipart body without its root field',
      'multipart/form-data; boundary=xyz',
      '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--xyz--\r\n',
    ],
  ];
  for (const [name, contentType, data] of cases) {
    const response = await request.post(`${portalUrl}/admin/simulator`, {
      data,
      headers: { ...headers, 'content-type': contentType },
    });
    expect(response.status(), name).toBe(400);
    expect(await response.json(), name).toEqual({
      error: { code: 'INVALID_INPUT', message: expect.any(String), reason: 'malformedBody' },
    });
  }
  expect(edgeDenials().map((row) => JSON.parse(row.detailsJson))).toContainEqual({
    code: 'INVALID_INPUT',
    reason: 'malformedBody',
    method: 'POST',
    path: '/admin/simulator',
  });
  // A well-formed call still reaches the action (which refuses the signed-out caller).
  const wellFormed = await request.post(`${portalUrl}/admin/simulator`, {
    data: '["$K1"]',
    headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' },
  });
  expect(wellFormed.status()).toBe(200);
  expect(await wellFormed.text()).toContain('signedOut');
});

test('a chunked body with broken framing is a 400 with the common body, audited (not Node’s bare 400)', async () => {
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(ports.portal, 'localhost', () =>
      socket.write(
        'POST /api/desk/search HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          'Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\nXYZ\r\n',
      ),
    );
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
  expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
    error: { code: 'INVALID_INPUT', message: expect.any(String), reason: 'malformedRequest' },
  });
  await expect
    .poll(() => edgeDenials('http.denied').map((row) => JSON.parse(row.detailsJson)))
    .toContainEqual({
      code: 'INVALID_INPUT',
      reason: 'malformedRequest',
      method: 'POST',
      path: '/api/desk/search',
      parserCode: 'HPE_INVALID_CHUNK_SIZE',
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
