// The pipeline's order and its edge findings (issue 13): body size before anything, one origin check, actor
// and role before the body is read, zod, one error body, every denial audited with the configured client
// address. Driven through real desk route handlers against a real database.
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { POST as searchRoute } from '../../app/api/desk/search/route';
import { GET as userRoute } from '../../app/api/desk/users/[userId]/route';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { testActors, testAppOrigin, testConfig, testServices, testWiring } from '../context/test-services';
import type { PortalServices } from '../context/portal-context';
import { defineRoute } from './define-route';

const testDb = setUpTestDatabase();
let services: PortalServices;

beforeEach(() => {
  services = testServices(testDb.db).services;
});

const sameOrigin = { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };

function post(path: string, body: BodyInit | null, headers: Record<string, string> = sameOrigin): Request {
  return new Request(`${testAppOrigin}${path}`, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

async function deniedEntries(action: string) {
  return testDb.db.auditEvent.findMany({ where: { action, outcome: 'denied' }, orderBy: { seq: 'asc' } });
}

describe('body size is refused before authentication and before reading', () => {
  it('a declared 100 MB body is a 413 with the common body, without the session ever being resolved', async () => {
    let resolved = 0;
    const wiring = { services, resolveActor: async () => (resolved++, testActors.agent) };
    const response = await searchRoute.run(
      post('/api/desk/search', '{}', { ...sameOrigin, 'content-length': String(100 * 1024 * 1024) }),
      undefined,
      wiring,
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String), reason: 'bodyTooLarge' },
    });
    expect(resolved).toBe(0);
  });

  it('a 100 MB streamed body without Content-Length is cancelled at the limit: memory does not grow', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 100) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const before = process.memoryUsage().rss;
    const response = await searchRoute.run(
      post('/api/desk/search', stream),
      undefined,
      testWiring(services, testActors.agent),
    );
    expect(response.status).toBe(413);
    // The limit is 16 KiB: the reader stopped after the first 1 MB chunk, not after 100 of them.
    expect(sent).toBeLessThan(4);
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });
});

describe('one origin check, with one explicit option for Sec-Fetch-Site: none', () => {
  it('cross-site and missing-origin writes are 403 with the common body, and audited', async () => {
    const variants: Record<string, string>[] = [
      { ...sameOrigin, 'sec-fetch-site': 'cross-site' },
      { 'content-type': 'application/json', origin: 'https://evil.test' },
      { 'content-type': 'application/json' },
      { ...sameOrigin, 'sec-fetch-site': 'none' },
    ];
    for (const headers of variants) {
      const response = await searchRoute.run(
        post('/api/desk/search', '{}', headers),
        undefined,
        testWiring(services, testActors.agent),
      );
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'FORBIDDEN', reason: 'crossSite' } });
    }
    expect((await deniedEntries('desk.search.denied')).length).toBeGreaterThanOrEqual(4);
  });

  it('a route that allows user navigation accepts Sec-Fetch-Site: none; the same Origin without metadata passes', async () => {
    const route = defineRoute({
      name: 'test.navigation',
      access: 'public',
      origin: 'checkedOrUserNavigation',
      handle: async () => ({ done: true }),
    });
    const none = await route.run(post('/x', null, { 'sec-fetch-site': 'none' }), undefined, testWiring(services, null));
    expect(none.status).toBe(200);
    const origin = await route.run(post('/x', null, { origin: testAppOrigin }), undefined, testWiring(services, null));
    expect(origin.status).toBe(200);
  });
});

describe('actor and role are checked before the body is parsed; denials are audited', () => {
  it('signed out → 401, wrong role → 403, both before a malformed body is looked at', async () => {
    const signedOut = await searchRoute.run(
      post('/api/desk/search', '{not json'),
      undefined,
      testWiring(services, null),
    );
    expect(signedOut.status).toBe(401);
    const wrongRole = await searchRoute.run(
      post('/api/desk/search', '{not json'),
      undefined,
      testWiring(services, testActors.noRole),
    );
    expect(wrongRole.status).toBe(403);
    expect(await wrongRole.json()).toMatchObject({ error: { code: 'FORBIDDEN', reason: 'missingRole' } });
    const audited = await deniedEntries('desk.search.denied');
    expect(audited.at(-1)).toMatchObject({ actorId: testActors.noRole.oid });
    expect(JSON.parse(audited.at(-1)?.detailsJson ?? '{}')).toMatchObject({ code: 'FORBIDDEN', reason: 'missingRole' });
  });

  it('malformed JSON from the right role is a 400 with the common body, never a 500', async () => {
    const response = await searchRoute.run(
      post('/api/desk/search', '{not json'),
      undefined,
      testWiring(services, testActors.agent),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'INVALID_INPUT' } });
  });
});

describe('the client address in the audit comes from TRUSTED_PROXY_HOPS', () => {
  const spoofed = (hops: number) =>
    searchRoute.run(
      post('/api/desk/search', '{}', {
        'content-type': 'application/json',
        'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.2',
      }),
      undefined,
      testWiring({ ...services, settings: testConfig({ TRUSTED_PROXY_HOPS: String(hops) }) }, testActors.agent),
    );

  it.each([
    [0, '10.0.0.2'],
    [1, '198.51.100.7'],
    [2, '6.6.6.6'],
  ])('%i hops: the denial is audited from %s', async (hops, expected) => {
    await spoofed(hops);
    expect((await deniedEntries('desk.search.denied')).at(-1)?.ip).toBe(expected);
  });
});

describe('malformed input in dynamic segments is a 400', () => {
  it('an invalid percent-encoding in /api/desk/users/%ff', async () => {
    const request = new Request(`${testAppOrigin}/api/desk/users/%ff`);
    const response = await userRoute.run(
      request,
      { params: Promise.resolve({ userId: '%ff' }) },
      testWiring(services, testActors.agent),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'INVALID_INPUT', reason: 'malformedPath' } });
  });

  it('a route schema rejects what it does not accept with the field path', async () => {
    const route = defineRoute({
      name: 'test.schema',
      access: 'public',
      body: { kind: 'json', schema: z.strictObject({ n: z.number() }) },
      handle: async () => null,
    });
    const response = await route.run(post('/x', '{"n":"1","extra":true}'), undefined, testWiring(services, null));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'INVALID_INPUT', path: expect.any(String) } });
  });
});
