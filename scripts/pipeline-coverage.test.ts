// "All routes and actions go through the pipeline" (issue 13), proved over the files themselves: every
// app/**/route.ts exports only handlers built by defineRoute, every 'use server' file only actions built by
// defineServerAction, every route lives where proxy.ts leaves it to its pipeline; then each handler is driven
// once without a session and once cross-site, and must answer with the pipeline's common body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/server/database/test-database';
import { testActors, testAppOrigin, testServices, testWiring } from '@/server/context/test-services';
import { isRoutePath } from '@/server/http/route-paths';
import {
  actionFiles,
  loadActions,
  loadRoutes,
  pageFiles,
  routeFiles,
  segmentNamesOf,
  urlPathOf,
} from './pipeline-inventory';

describe('every route handler and server action is built by the pipeline', () => {
  it('finds the route files and the server actions (the listing itself works)', () => {
    expect(routeFiles.length).toBeGreaterThan(30);
    expect(routeFiles).toContain('app/api/auth/[...nextauth]/route.ts');
    expect(actionFiles).toEqual(['app/admin/readiness/actions.ts', 'app/admin/simulator/actions.ts']);
  });

  it('each exported handler of each route.ts is a defineRoute handler', async () => {
    const routes = await loadRoutes();
    expect(new Set(routes.map((route) => route.file))).toEqual(new Set(routeFiles));
  }, 60_000);

  it('each export of each server action file is a defineServerAction action', async () => {
    expect((await loadActions()).map((entry) => entry.name)).toEqual(
      expect.arrayContaining([
        'deletePolicyAction',
        'fetchFromGraphAction',
        'importPolicySetAction',
        'savePolicyAction',
      ]),
    );
  }, 60_000);

  it('routes live where proxy.ts leaves them to their pipeline, pages where it checks server actions', () => {
    for (const file of routeFiles) expect(isRoutePath(urlPathOf(file)), file).toBe(true);
    for (const file of pageFiles) expect(isRoutePath(urlPathOf(file)), file).toBe(false);
  });
});

describe('each handler answers as the pipeline does', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  const segmentOf = (file: string) => ({
    params: Promise.resolve(
      Object.fromEntries(
        Object.entries(segmentNamesOf(file)).map(([name, isCatchAll]) => [name, isCatchAll ? ['x'] : 'x']),
      ),
    ),
  });

  it('without a session, each signed-in route is a 401 with the common body', async () => {
    const { services } = testServices(testDb.db);
    for (const { file, method, handler } of await loadRoutes()) {
      if (handler.spec.access === 'public') continue;
      const request = new Request(`${testAppOrigin}${urlPathOf(file)}`, {
        method,
        headers: { 'sec-fetch-site': 'same-origin' },
      });
      const response = await handler.run(request, segmentOf(file), testWiring(services, null));
      expect(response.status, `${method} ${file}`).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED', reason: 'signedOut' } });
    }
  }, 60_000);

  it('cross-site, each state-changing route is a 403 crossSite (unless reached from Entra by design)', async () => {
    const { services } = testServices(testDb.db);
    for (const { file, method, handler } of await loadRoutes()) {
      if (method === 'GET' || method === 'HEAD' || handler.spec.origin === 'crossSiteAllowed') continue;
      const request = new Request(`${testAppOrigin}${urlPathOf(file)}`, {
        method,
        headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
        body: '{}',
      });
      const response = await handler.run(request, segmentOf(file), testWiring(services, testActors.admin));
      expect(response.status, `${method} ${file}`).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'FORBIDDEN', reason: 'crossSite' } });
    }
  }, 60_000);

  it('cross-site, each server action is refused with crossSite and does nothing', async () => {
    const { services } = testServices(testDb.db);
    for (const { name, action } of await loadActions()) {
      const outcome = await action.run(
        new FormData(),
        new Headers({ 'sec-fetch-site': 'cross-site' }),
        testWiring(services, testActors.admin),
      );
      expect(outcome, name).toMatchObject({ state: { reason: 'crossSite' } });
    }
  }, 60_000);
});
