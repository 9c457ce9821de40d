// The app's route handlers and server actions, found from the files themselves (for the pipeline coverage and
// fuzz tests): every app/**/route.ts with its handlers, every 'use server' file with its actions.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { RouteHandler } from '@/server/http/define-route';
import type { ServerAction } from '@/server/http/define-server-action';

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
export const pageFiles = filesUnder('app', (name) => name === 'page.tsx');

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
