// "All routes and actions go through the pipeline" (issue 13), proved over the files themselves: every
// app/**/route.ts exports only handlers built by defineRoute, every 'use server' file only actions built by
// defineServerAction, every route lives where proxy.ts leaves it to its pipeline; then each handler is driven
// once without a session and once cross-site, and must answer with the pipeline's common body.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/server/database/test-database';
import { testActors, testAppOrigin, testServices, testWiring } from '@/server/context/test-services';
import type { RouteHandler } from '@/server/http/define-route';
import type { ServerAction } from '@/server/http/define-server-action';
import { isRoutePath } from '@/server/http/route-paths';

const root = path.resolve(import.meta.dirname, '..');
const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/** Route segment config Next reads from a route file (not handlers). */
const segmentConfig = ['dynamic', 'runtime', 'revalidate', 'maxDuration', 'fetchCache', 'preferredRegion'];

function filesUnder(directory: string, keep: (name: string) => boolean): string[] {
  return readdirSync(path.join(root, directory), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

export const routeFiles = filesUnder('app', (name) => name === 'route.ts');
export const actionFiles = filesUnder('app', (name) => /\.tsx?$/.test(name)).filter((file) =>
  /^\s*['"]use server['"]/.test(readFileSync(path.join(root, file), 'utf8')),
);
const pageFiles = filesUnder('app', (name) => name === 'page.tsx');

/** The URL path of an app file, with each dynamic segment given `value` (`[...slug]` as one segment). */
export function urlPathOf(file: string, value = 'x'): string {
  const segments = path
    .dirname(path.relative('app', file))
    .split(path.sep)
    .filter((segment) => segment !== '.' && !/^\(.*\)$/.test(segment))
    .map((segment) => (/^\[.*\]$/.test(segment) ? value : segment));
  return `/${segments.join('/')}`;
}

/** The dynamic segment names of an app file: `{ caseId: false, nextauth: true }` (true: catch-all). */
export function segmentNamesOf(file: string): Record<string, boolean> {
  const names: Record<string, boolean> = {};
  for (const match of file.matchAll(/\[(\.\.\.)?(\w+)\]/g)) names[match[2] ?? ''] = match[1] !== undefined;
  return names;
}

function pipelineKindOf(value: unknown): unknown {
  if (typeof value !== 'function' || !('run' in value) || !('spec' in value)) return undefined;
  const { spec } = value;
  return typeof spec === 'object' && spec !== null && 'kind' in spec ? spec.kind : undefined;
}

function isRouteHandler(value: unknown): value is RouteHandler {
  return pipelineKindOf(value) === 'route';
}

function isServerAction(value: unknown): value is ServerAction {
  return pipelineKindOf(value) === 'serverAction';
}

export async function loadRoutes(): Promise<{ file: string; method: string; handler: RouteHandler }[]> {
  const routes = [];
  for (const file of routeFiles) {
    const exported: Record<string, unknown> = await import(path.join(root, file));
    for (const [name, value] of Object.entries(exported)) {
      if (segmentConfig.includes(name)) continue;
      expect(httpMethods, `${file} exports ${name}, which is neither a handler nor segment config`).toContain(name);
      expect(isRouteHandler(value), `${file}: ${name} is not built by defineRoute`).toBe(true);
      if (isRouteHandler(value)) routes.push({ file, method: name, handler: value });
    }
  }
  return routes;
}

export async function loadActions(): Promise<{ file: string; name: string; action: ServerAction }[]> {
  const actions = [];
  for (const file of actionFiles) {
    const exported: Record<string, unknown> = await import(path.join(root, file));
    for (const [name, value] of Object.entries(exported)) {
      expect(isServerAction(value), `${file}: ${name} is not built by defineServerAction`).toBe(true);
      if (isServerAction(value)) actions.push({ file, name, action: value });
    }
  }
  return actions;
}

describe('every route handler and server action is built by the pipeline', () => {
  it('finds the route files and the server actions (the listing itself works)', () => {
    expect(routeFiles.length).toBeGreaterThan(30);
    expect(routeFiles).toContain('app/api/auth/[...nextauth]/route.ts');
    expect(actionFiles).toEqual(['app/admin/simulator/actions.ts']);
  });

  it('each exported handler of each route.ts is a defineRoute handler', async () => {
    const routes = await loadRoutes();
    expect(new Set(routes.map((route) => route.file))).toEqual(new Set(routeFiles));
  }, 60_000);

  it('each export of each server action file is a defineServerAction action', async () => {
    expect((await loadActions()).map((entry) => entry.name).sort()).toEqual([
      'deletePolicyAction',
      'fetchFromGraphAction',
      'importPolicySetAction',
      'savePolicyAction',
    ]);
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
