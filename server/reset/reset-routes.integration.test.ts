// Security requirements at the HTTP level, calling the real route handlers (app/reset/actions/*) with
// Next's own request type against a real database: enumeration (same status, body, headers, cookie names;
// median time difference under 10 ms over 200 requests each), CSRF, cookie attributes, malformed input.
import { NextRequest } from 'next/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as startPost } from '../../app/reset/actions/start/route';
import { POST as sendCodePost } from '../../app/reset/actions/send-code/route';
import { GET as entraCallbackGet } from '../../app/reset/verify/entra/callback/route';
import type { PortalServices } from '../context/portal-context';
import { resetDependenciesOf } from '../context/reset-view';
import { testConfig, testServices, testWiring } from '../context/test-services';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { csrfTokenFor } from './http/reset-csrf';
import type { ResetDirectoryUser, ResetDirectory } from './reset-directory';
import {
  adele,
  memoryDirectory,
  memoryResetLimiters,
  passwordAndPush,
  settleBackgroundTasks,
} from './reset-test-support';

const testDb = setUpTestDatabase();
let services: PortalServices;
const origin = 'http://localhost:3000';
const settings = () => resetDependenciesOf(services).settings;
const startRoute = (request: Request) => startPost.run(request, undefined, testWiring(services, null));
const sendCodeRoute = (request: Request) => sendCodePost.run(request, undefined, testWiring(services, null));
const entraCallbackRoute = (request: Request) => entraCallbackGet.run(request, undefined, testWiring(services, null));

// Graph answers slowly, and more slowly for an account that exists (two calls: user, then methods), as a
// real directory would. If the lookup ran on the request path, the timing test below would see it.
function slowDirectory(): ResetDirectory {
  const inner = memoryDirectory([{ user: adele, methods: passwordAndPush }]);
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  return {
    ...inner,
    async findUser(username: string): Promise<ResetDirectoryUser | null> {
      const user = await inner.findUser(username);
      await pause(user ? 40 : 15);
      return user;
    },
    async listMethods(id: string) {
      await pause(25);
      return inner.listMethods(id);
    },
  };
}

beforeEach(() => {
  const base = testServices(testDb.db).services;
  services = {
    ...base,
    settings: testConfig({ APP_ORIGIN: origin }),
    directory: { ...base.directory, reset: slowDirectory() },
    limiters: {
      ...base.limiters,
      reset: memoryResetLimiters(100_000),
    },
  };
});

function post(
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = { 'sec-fetch-site': 'same-origin', origin: 'null' },
  cookie?: string,
): NextRequest {
  return new NextRequest(`${origin}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'vitest',
      ...headers,
      ...(cookie ? { cookie } : {}),
    },
  });
}

const startFor = (username: string) => startRoute(post('/reset/actions/start', { purpose: 'reset', username }));

function shape(response: Response) {
  // Only the random token differs (also in Next's internal x-middleware-set-cookie copy), and the random
  // X-Request-Id every response carries.
  const headers = [...response.headers.entries()]
    .filter(([name]) => !['set-cookie', 'date', 'x-request-id'].includes(name))
    .map(([name, value]) => [
      name,
      value.replace(/verity-reset=[^;]+/g, 'verity-reset=<token>').replace(/Expires=[^;]+/g, 'Expires=<date>'),
    ]);
  const cookieNames = response.headers.getSetCookie().map((cookie) => cookie.split('=')[0]);
  const cookieAttributes = response.headers
    .getSetCookie()
    .map((cookie) => cookie.replace(/^[^=]+=[^;]*/, '').replace(/Expires=[^;]+/g, 'Expires=<date>'));
  return { status: response.status, headers, cookieNames, cookieAttributes };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return ((sorted[Math.floor((sorted.length - 1) / 2)] ?? 0) + (sorted[Math.ceil((sorted.length - 1) / 2)] ?? 0)) / 2;
};

describe('account enumeration (FPCS; ASVS5 6.3.8)', () => {
  it('identical status, body, headers and cookie names for existing and unknown accounts', async () => {
    const known = await startFor(adele.userPrincipalName);
    const unknown = await startFor('nobody.at.all@contoso.test');
    expect(shape(known)).toEqual(shape(unknown));
    expect(await known.text()).toBe(await unknown.text());
    expect(known.status).toBe(303);
    expect(known.headers.get('location')).toBe(`${origin}/reset/services`);
    await settleBackgroundTasks();
  });

  it('response-time difference under 10 ms at the median over 200 requests each', async () => {
    const timings = { known: [] as number[], unknown: [] as number[] };
    for (let warm = 0; warm < 20; warm++) await startFor(warm % 2 ? adele.userPrincipalName : 'warm-up@contoso.test');
    for (let i = 0; i < 200; i++) {
      // Interleaved so drift (GC, background lookups) hits both sides alike.
      for (const [kind, username] of [
        ['known', adele.userPrincipalName],
        ['unknown', `nobody${i}@contoso.test`],
      ] as const) {
        const started = performance.now();
        const response = await startFor(username);
        timings[kind].push(performance.now() - started);
        expect(response.status).toBe(303);
      }
    }
    const difference = Math.abs(median(timings.known) - median(timings.unknown));
    console.info(
      `[enumeration timing] median known ${median(timings.known).toFixed(2)} ms, unknown ${median(timings.unknown).toFixed(2)} ms, difference ${difference.toFixed(2)} ms`,
    );
    expect(difference).toBeLessThan(10);
    await settleBackgroundTasks();
  }, 120_000);
});

describe('CSRF protection on every state-changing request (ASVS5 3.5; docs/decisions/0004)', () => {
  it('refuses a cross-site start, and one without fetch metadata from another origin', async () => {
    const before = await testDb.db.resetSession.count();
    expect(
      (
        await startRoute(
          post(
            '/reset/actions/start',
            { purpose: 'reset', username: adele.userPrincipalName },
            { 'sec-fetch-site': 'cross-site' },
          ),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await startRoute(
          post(
            '/reset/actions/start',
            { purpose: 'reset', username: adele.userPrincipalName },
            { origin: 'https://evil.test' },
          ),
        )
      ).status,
    ).toBe(403);
    expect(
      (await startRoute(post('/reset/actions/start', { purpose: 'reset', username: adele.userPrincipalName }, {})))
        .status,
    ).toBe(403);
    expect(await testDb.db.resetSession.count()).toBe(before);
  });

  it('refuses a session request without the session-bound token, or with another session’s token', async () => {
    const first = await startFor(adele.userPrincipalName);
    const second = await startFor(adele.userPrincipalName);
    const tokenOf = (response: Response) =>
      /verity-reset=([^;]+)/.exec(response.headers.getSetCookie()[0] ?? '')?.[1] ?? '';
    const cookie = `verity-reset=${tokenOf(first)}`;
    const send = (csrf?: string) =>
      sendCodeRoute(
        post(
          '/reset/actions/send-code',
          { purpose: 'reset', service: 'sms', ...(csrf ? { csrf } : {}) },
          undefined,
          cookie,
        ),
      );
    expect((await send()).status).toBe(403);
    expect((await send(csrfTokenFor(settings(), tokenOf(second)))).status).toBe(403);
    const accepted = await send(csrfTokenFor(settings(), tokenOf(first)));
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`${origin}/reset/verify/sms?sent=1`);
    await settleBackgroundTasks();
  });
});

describe('cookies and headers (ASVS4 3.4; FPCS)', () => {
  it('the reset cookie is HttpOnly, SameSite=Lax, path /; Secure with the __Host- prefix over HTTPS', async () => {
    const development = (await startFor(adele.userPrincipalName)).headers.getSetCookie()[0] ?? '';
    expect(development).toMatch(/^verity-reset=[\w-]{43};/);
    expect(development).toMatch(/HttpOnly/i);
    expect(development).toMatch(/SameSite=lax/i);
    expect(development).toMatch(/Path=\//);
    services = {
      ...services,
      settings: testConfig({
        APP_ORIGIN: 'https://portal.contoso.test',
        NODE_ENV: 'production',
        VERITY_DEMO_MODE: '1',
        AUDIT_HMAC_KEYS: `k1:${'A'.repeat(44)}`,
        AUDIT_CHECKPOINT_KEY_FILE: 'unused-in-this-test.pem',
      }),
    };
    const production = await startRoute(
      new NextRequest('https://portal.contoso.test/reset/actions/start', {
        method: 'POST',
        body: new URLSearchParams({ purpose: 'reset', username: adele.userPrincipalName }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      }),
    );
    const cookie = production.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^__Host-verity-reset=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).not.toMatch(/Domain=/i);
    // Redirects are built from the configured origin, never from the Host header.
    expect(production.headers.get('location')).toBe('https://portal.contoso.test/reset/services');
    expect(production.headers.get('referrer-policy')).toBe('no-referrer');
    expect(production.headers.get('cache-control')).toBe('no-store');
    await settleBackgroundTasks();
  });
});

describe('every input is validated; malformed input is a clear 4xx, never a 500', () => {
  it.each([
    ['no fields', {}],
    ['unknown purpose', { purpose: 'takeover', username: 'a@b.c' }],
    ['huge username', { purpose: 'reset', username: 'x'.repeat(5000) }],
  ])('start: %s → 400 with a message', async (_name, fields) => {
    const response = await startRoute(post('/reset/actions/start', fields));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'INVALID_INPUT' } });
  });

  it('a username the user typed wrongly goes back to the page with an explanation and the value kept', async () => {
    const response = await startFor('not-an-email');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${origin}/reset?error=invalidInput&username=not-an-email`);
  });

  it('a forged callback without a session, or with garbage, lands on a page, never a 500', async () => {
    const noSession = await entraCallbackRoute(new NextRequest(`${origin}/reset/verify/entra/callback?code=x&state=y`));
    expect(noSession.status).toBe(303);
    expect(noSession.headers.get('location')).toBe(`${origin}/reset?error=noSession`);
    const start = await startFor(adele.userPrincipalName);
    const cookie = (start.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const garbage = await entraCallbackRoute(
      new NextRequest(`${origin}/reset/verify/entra/callback?state=${'%00'.repeat(600)}`, { headers: { cookie } }),
    );
    expect(garbage.status).toBe(303);
    expect(garbage.headers.get('location')).toMatch(/\/reset\/services\?entra=/);
    await settleBackgroundTasks();
  });
});
