// What proxy.ts refuses is audited like every other denial (issue 13): the refusal route answers the 4xx with the
// common body and appends `edge.denied` with the reason, the original path and the configured client address.
// Without the proxy's header it is a 404, so nobody can make the portal answer a refusal it did not make.
import { describe, expect, it } from 'vitest';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { testAppOrigin, testConfig, testServices, testWiring } from '../context/test-services';
import { edgeRefusal, edgeRefusalHeaders, edgeRefusalPath } from './edge-guard';
import { edgeRefusalRoute } from './edge-refusal-route';
import { serverActionBodyLimitBytes } from './server-action-limit';

const testDb = setUpTestDatabase();

/** What proxy.ts does with a refused request: the same rewrite, headers and all. */
function rewritten(method: string, path: string, headers: Record<string, string>): Request {
  const original = new Request(`${testAppOrigin}${path}`, { method, headers });
  const refusal = edgeRefusal(original, testAppOrigin);
  if (!refusal) throw new Error(`${method} ${path} was not refused`);
  const forwarded = new Headers(headers);
  forwarded.set(edgeRefusalHeaders.reason, refusal);
  forwarded.set(edgeRefusalHeaders.path, new URL(original.url).pathname);
  return new Request(`${testAppOrigin}${edgeRefusalPath}`, { method, headers: forwarded });
}

async function edgeDenials() {
  return testDb.db.auditEvent.findMany({ where: { action: 'edge.denied' }, orderBy: { seq: 'asc' } });
}

describe('refusals at the edge are audited', () => {
  it('a cross-origin server action: 403 crossSite, audited with the page path and the client address', async () => {
    const { services } = testServices(testDb.db, { settings: testConfig({ TRUSTED_PROXY_HOPS: '1' }) });
    const request = rewritten('POST', '/admin/simulator', {
      'next-action': 'abc',
      'sec-fetch-site': 'cross-site',
      origin: 'https://evil.example',
      'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.2',
    });
    const response = await edgeRefusalRoute.run(request, undefined, testWiring(services, null));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: 'FORBIDDEN', message: expect.any(String), reason: 'crossSite' },
    });
    const denial = (await edgeDenials()).at(-1);
    expect(denial).toMatchObject({ outcome: 'denied', ip: '203.0.113.9' });
    expect(JSON.parse(denial?.detailsJson ?? '{}')).toEqual({
      code: 'FORBIDDEN',
      reason: 'crossSite',
      method: 'POST',
      path: '/admin/simulator',
    });
  });

  it('a malformed page path: 400 malformedPath, audited too', async () => {
    const { services } = testServices(testDb.db);
    const response = await edgeRefusalRoute.run(
      rewritten('GET', '/reset/verify/%ff', {}),
      undefined,
      testWiring(services, null),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.reason).toBe('malformedPath');
    expect(JSON.parse((await edgeDenials()).at(-1)?.detailsJson ?? '{}')).toMatchObject({
      reason: 'malformedPath',
      path: '/reset/verify/%ff',
    });
  });

  it('a server-action body over the limit: 413 bodyTooLarge, audited', async () => {
    const { services } = testServices(testDb.db);
    const request = rewritten('POST', '/admin/simulator', {
      'sec-fetch-site': 'same-origin',
      'content-length': String(serverActionBodyLimitBytes + 1),
    });
    const response = await edgeRefusalRoute.run(request, undefined, testWiring(services, null));
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', reason: 'bodyTooLarge' });
    expect(JSON.parse((await edgeDenials()).at(-1)?.detailsJson ?? '{}')).toMatchObject({ reason: 'bodyTooLarge' });
  });

  it('reached without the proxy’s header (or with a made-up reason), it is a 404 and audits nothing', async () => {
    const { services } = testServices(testDb.db);
    const before = (await edgeDenials()).length;
    for (const headers of [new Headers(), new Headers({ [edgeRefusalHeaders.reason]: 'toString' })]) {
      const request = new Request(`${testAppOrigin}${edgeRefusalPath}`, { method: 'POST', headers });
      const response = await edgeRefusalRoute.run(request, undefined, testWiring(services, null));
      expect(response.status).toBe(404);
    }
    expect((await edgeDenials()).length).toBe(before);
  });
});
