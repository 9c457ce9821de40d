// Every simulator server function checks Portal.Admin itself before touching the database or the directory
// (Next.js data-security guide: authorization in the data layer). A request without the role gets the
// AppError that server/http/request-failure.ts maps to 401/403; e2e/simulator covers the same through HTTP.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError, isAppError } from '../../lib/app-error';

const requireRole = vi.fn();
const getDatabase = vi.fn();
vi.mock('../auth/require-role', () => ({ requireRole: (...roles: unknown[]) => requireRole(...roles) }));
vi.mock('../database/database', () => ({ getDatabase: () => getDatabase() }));
const graphRequest = vi.fn();
vi.mock('../graph/graph-client', () => ({ graphRequest: (...args: unknown[]) => graphRequest(...args) }));

const {
  listPolicySetsForAdmin,
  importPolicySetForAdmin,
  loadPolicySetForAdmin,
  exportPolicySetForAdmin,
  savePolicyChangeForAdmin,
} = await import('./policy-set-admin');
const { loadSimulationContextForAdmin } = await import('./simulation-admin');
const { startBlastRadiusStreamForAdmin } = await import('./blast-radius-stream');
const { importPolicySetFromGraphForAdmin } = await import('./graph-policy-import');
const { loadConfig } = await import('../config');

// The mutating functions take the request context; the signed-out and wrong-role cases are the context's actor.
let contextActor: { oid: string; name: string; email: null; roles: 'Desk.Agent'[] } | null = null;
// Any use of the database counts as a getDatabase() call, so "before any database access" holds for them too.
const db = new Proxy({}, { get: (_target, key) => Reflect.get(Object(getDatabase()), key) });
const context = () => ({
  actor: contextActor,
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- a stand-in that only records that the database was touched; every call must refuse before it is
  db: db as never,
  clock: { now: () => new Date() },
  settings: loadConfig({}),
});

const calls: [string, () => Promise<unknown>][] = [
  ['list', () => listPolicySetsForAdmin()],
  ['import', () => importPolicySetForAdmin(context(), { name: 'x', policies: '{"value":[]}' })],
  ['load', () => loadPolicySetForAdmin('set')],
  ['export', () => exportPolicySetForAdmin(context(), 'set', undefined, 'policies')],
  ['save', () => savePolicyChangeForAdmin(context(), 'set', 1, { kind: 'delete', policyId: 'p' }, '')],
  ['simulate', () => loadSimulationContextForAdmin('set')],
  ['fetch from Graph', () => importPolicySetFromGraphForAdmin(context(), 'x')],
  ['blast radius', () => startBlastRadiusStreamForAdmin(context(), 'not even JSON', new AbortController().signal)],
];

async function errorOf(run: () => Promise<unknown>): Promise<AppError | null> {
  try {
    await run();
    return null;
  } catch (error) {
    return isAppError(error) ? error : null;
  }
}

describe('simulator server functions require Portal.Admin', () => {
  beforeEach(() => {
    requireRole.mockReset();
    getDatabase.mockReset();
    graphRequest.mockReset();
  });

  it.each(calls)('%s: signed out → UNAUTHORIZED, before any database access', async (_name, run) => {
    requireRole.mockRejectedValue(new AppError('UNAUTHORIZED', 'Sign in'));
    contextActor = null;
    expect((await errorOf(run))?.code).toBe('UNAUTHORIZED');
    expect(getDatabase).not.toHaveBeenCalled();
    expect(graphRequest).not.toHaveBeenCalled();
  });

  it.each(calls)('%s: another role → FORBIDDEN, and only Portal.Admin is asked for', async (_name, run) => {
    requireRole.mockRejectedValue(new AppError('FORBIDDEN', 'Needs Portal.Admin'));
    contextActor = { oid: 'u-1', name: 'Agent', email: null, roles: ['Desk.Agent'] };
    expect((await errorOf(run))?.code).toBe('FORBIDDEN');
    if (requireRole.mock.calls.length > 0) expect(requireRole).toHaveBeenCalledWith('Portal.Admin');
    expect(getDatabase).not.toHaveBeenCalled();
  });
});
