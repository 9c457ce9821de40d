// Honest degradation (issue 12, findings 5 and 6): a dependency that refuses connections gives a 503
// "temporarily unavailable, nothing was changed", charges no attempt, is audited when the database is up,
// and never puts the driver's text in a response body or the desk's event stream. Redis and PostgreSQL are
// real clients pointed at closed ports (this helper's offset: 6379+30, 5432+30).
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as checkCodePost } from '../../app/reset/actions/check-code/route';
import { POST as startPost } from '../../app/reset/actions/start/route';
import { POST as openCaseRoute } from '../../app/api/desk/cases/route';
import { POST as searchRoute } from '../../app/api/desk/search/route';
import { GET as eventsRoute } from '../../app/api/desk/cases/[caseId]/events/route';
import { GET as healthRoute } from '../../app/api/health/route';
import { GET as liveRoute } from '../../app/api/health/live/route';
import type { PortalServices } from '../context/portal-context';
import { resetDependenciesOf } from '../context/reset-view';
import { testActors, testAppOrigin, testServices, testWiring } from '../context/test-services';
import { createDatabaseClient, type DatabaseClient } from '../database/create-database-client';
import { createTestDatabase, type TestDatabase } from '../database/test-database';
import { createRateLimiter } from '../rate-limit/rate-limiter';
import { resetCookieName } from '../reset/http/reset-cookie';
import { csrfTokenFor } from '../reset/http/reset-csrf';
import { adele, codeIn, settleBackgroundTasks } from '../reset/reset-test-support';
import { sessionIdFor } from '../reset/reset-secrets';
import { startResetSession } from '../reset/start-reset-session';
import { sendVerificationCode } from '../reset/verification-codes';
import { z } from 'zod';

const closedRedisUrl = 'redis://127.0.0.1:6409';
const refusingDatabaseUrl = 'postgresql://postgres@127.0.0.1:5462/verity_refused';
// What the drivers say when they cannot connect; none of it may reach a browser.
const driverText = /127\.0\.0\.1|5462|6409|reach database|ECONNREFUSED|verity_refused|invocation|prisma/i;

let testDb: TestDatabase;
let refusingDb: DatabaseClient;

beforeAll(async () => {
  testDb = await createTestDatabase();
  refusingDb = createDatabaseClient(refusingDatabaseUrl, process.cwd());
});
afterAll(async () => {
  await refusingDb?.$disconnect();
  await testDb?.drop();
});

const downLimiter = () =>
  createRateLimiter({ keyPrefix: `outage-${Date.now()}`, points: 100, durationSeconds: 60, redisUrl: closedRedisUrl });

function withRedisDown(base: PortalServices): PortalServices {
  const down = downLimiter();
  return {
    ...base,
    limiters: {
      desk: { consume: (_kind, key) => down.consume(key) },
      reset: { ...base.limiters.reset, verifyPerAccountAndClient: down, startPerAccountAndClient: down },
    },
  };
}

/** A client that works until `refuse()`, then answers every model call as a database refusing connections. */
function switchableDatabase(real: DatabaseClient, refusing: DatabaseClient) {
  let isRefusing = false;
  const db = new Proxy(real, {
    get(target, property, receiver) {
      const source = isRefusing ? refusing : target;
      const value: unknown = Reflect.get(source, property, isRefusing ? source : receiver);
      return typeof value === 'function' ? value.bind(source) : value;
    },
  });
  return { db, refuse: () => (isRefusing = true) };
}

function form(path: string, fields: Record<string, string>, cookie?: string): NextRequest {
  return new NextRequest(`${testAppOrigin}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
      origin: 'null',
      'user-agent': 'vitest',
      ...(cookie ? { cookie } : {}),
    },
  });
}

describe('Redis refusing connections (issue 12, finding 5)', () => {
  it('a correct code checked while Redis is down: temporarilyUnavailable, no failure charged, the outage audited', async () => {
    const kit = testServices(testDb.db);
    const healthy = resetDependenciesOf(kit.services);
    const origin = { ip: '203.0.113.9', userAgent: 'vitest' };
    const { token } = await startResetSession(healthy, { purpose: 'reset', username: adele.userPrincipalName, origin });
    await settleBackgroundTasks();
    await sendVerificationCode(healthy, { token, service: 'sms', locale: 'en', origin });
    await settleBackgroundTasks();
    const code = codeIn(kit.mail.sms.at(-1)?.body ?? '');

    const services = withRedisDown(kit.services);
    const settings = resetDependenciesOf(services).settings;
    const response = await checkCodePost.run(
      form(
        '/reset/actions/check-code',
        { purpose: 'reset', service: 'sms', code, csrf: csrfTokenFor(settings, token) },
        `${resetCookieName(settings)}=${token}`,
      ),
      undefined,
      testWiring(services, null),
    );
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('temporarilyUnavailable');

    const sessionId = sessionIdFor(settings.secret, token);
    const session = await testDb.db.resetSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.failures).toBe(0);
    expect(session.endedReason).toBeNull();
    const challenge = await testDb.db.verificationChallenge.findFirstOrThrow({ where: { resetSessionId: sessionId } });
    expect(challenge.attempts).toBe(0);
    expect(challenge.consumedAt).toBeNull();
    const entries = await testDb.db.auditEvent.findMany({ where: { action: { startsWith: 'reset.' } } });
    const forSession = entries.filter((entry) => entry.detailsJson.includes(sessionId));
    expect(forSession.filter((entry) => entry.outcome === 'failure')).toEqual([]);
    const outage = await testDb.db.auditEvent.findMany({ where: { action: 'reset.checkCode.unavailable' } });
    expect(outage.map((entry) => JSON.parse(entry.detailsJson).dependency)).toContain('redis');
  });

  it('a start while Redis is down goes back with temporarilyUnavailable, never "rateLimited"', async () => {
    const services = withRedisDown(testServices(testDb.db).services);
    const response = await startPost.run(
      form('/reset/actions/start', { purpose: 'reset', username: adele.userPrincipalName }),
      undefined,
      testWiring(services, null),
    );
    expect(new URL(response.headers.get('location') ?? '').searchParams.get('error')).toBe('temporarilyUnavailable');
  });

  it('a JSON route answers 503 UNAVAILABLE with the outage sentence', async () => {
    const services = withRedisDown(testServices(testDb.db).services);
    const response = await searchRoute.run(
      new Request(`${testAppOrigin}/api/desk/search`, {
        method: 'POST',
        headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
        body: '{"query":"adele"}',
      }),
      undefined,
      testWiring(services, testActors.agent),
    );
    expect(response.status).toBe(503);
    const body = z
      .object({ error: z.object({ code: z.string(), reason: z.string(), message: z.string() }) })
      .parse(await response.json());
    expect(body.error).toMatchObject({ code: 'UNAVAILABLE', reason: 'temporarilyUnavailable' });
    expect(body.error.message).toMatch(/Nothing was changed/);
  });

  it('readiness answers 503 when Redis is configured and refuses; liveness stays 200', async () => {
    const kit = testServices(testDb.db);
    const services = { ...kit.services, settings: { ...kit.services.settings, REDIS_URL: closedRedisUrl } };
    const ready = await healthRoute.run(
      new Request(`${testAppOrigin}/api/health`),
      undefined,
      testWiring(services, null),
    );
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', redis: { configured: true, reachable: false } });
    const live = await liveRoute.run(
      new Request(`${testAppOrigin}/api/health/live`),
      undefined,
      testWiring(services, null),
    );
    expect(live.status).toBe(200);
    const probe = await healthRoute.run(
      new Request(`${testAppOrigin}/api/health?probe=live`),
      undefined,
      testWiring(services, null),
    );
    expect(probe.status).toBe(200);
  });

  it('readiness answers 200 with the database up and Redis not configured', async () => {
    const kit = testServices(testDb.db);
    const ready = await healthRoute.run(
      new Request(`${testAppOrigin}/api/health`),
      undefined,
      testWiring(kit.services, null),
    );
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      database: { reachable: true },
      redis: { configured: false },
    });
  });
});

describe('database refusing connections (issue 12, finding 6)', () => {
  it('a JSON route answers 503 without the driver text', async () => {
    const services = testServices(refusingDb).services;
    const response = await openCaseRoute.run(
      new Request(`${testAppOrigin}/api/desk/cases`, {
        method: 'POST',
        headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
        body: '{"userId":"u-pradeep"}',
      }),
      undefined,
      testWiring(services, testActors.agent),
    );
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).not.toMatch(driverText);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'UNAVAILABLE', reason: 'temporarilyUnavailable' } });
  });

  it('readiness answers 503 when the database refuses', async () => {
    const services = testServices(refusingDb).services;
    const ready = await healthRoute.run(
      new Request(`${testAppOrigin}/api/health`),
      undefined,
      testWiring(services, null),
    );
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ database: { reachable: false } });
  });

  it('the desk event stream sends a failure event without the driver text when the database goes away', async () => {
    const switchable = switchableDatabase(testDb.db, refusingDb);
    const kit = testServices(switchable.db);
    const wiring = testWiring(kit.services, testActors.agent);
    const headers = { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };
    const opened = await openCaseRoute.run(
      new Request(`${testAppOrigin}/api/desk/cases`, { method: 'POST', headers, body: '{"userId":"u-pradeep"}' }),
      undefined,
      wiring,
    );
    const { caseId } = z.object({ caseId: z.string() }).parse(await opened.json());
    const response = await eventsRoute.run(
      new Request(`${testAppOrigin}/api/desk/cases/${caseId}/events`),
      { params: Promise.resolve({ caseId }) },
      wiring,
    );
    expect(response.status).toBe(200);
    switchable.refuse();
    const text = await response.text();
    const failure = /event: failure\ndata: (.*)\n/.exec(text)?.[1];
    expect(failure).toBeDefined();
    expect(text).not.toMatch(driverText);
    expect(JSON.parse(failure ?? '{}')).toMatchObject({ code: 'UNAVAILABLE', reason: 'temporarilyUnavailable' });
  });
});
