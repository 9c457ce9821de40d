// Graph calls carry the portal request's id as `client-request-id`, so one id finds a request in the
// portal's log and the call in Microsoft's (Graph best practices: reliability and support).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

vi.mock('server-only', () => ({}));
vi.mock('../auth/msal-client', () => ({
  portalClient: () => ({ acquireTokenByClientCredential: async () => ({ accessToken: 'app-only-token' }) }),
}));
// A short Graph timeout from the environment (GRAPH_TIMEOUT_MS, read by server/config.ts): the default is 10 s.
vi.stubEnv('GRAPH_TIMEOUT_MS', '300');
const { graphRequest } = await import('./graph-client');
const { runWithRequestId } = await import('../log/request-scope');

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A Graph that never answers: the call ends only when the portal's own timeout aborts it. */
function stubSilentGraph() {
  vi.stubGlobal(
    'fetch',
    (_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      }),
  );
}

describe('graphRequest', () => {
  it('sends the request id of the portal request as client-request-id', async () => {
    const seen: Headers[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers));
      return Response.json({ id: 'user-adele' });
    });
    const requestId = '0b5c8f0e-6a2d-4c1b-9e7f-3a4d5c6b7e8f';
    await runWithRequestId(requestId, () =>
      graphRequest('GET', '/users/user-adele', { schema: z.object({ id: z.string() }) }),
    );
    expect(seen[0]?.get('client-request-id')).toBe(requestId);
  });

  it('outside a request (a job after a restart) still sends a fresh GUID', async () => {
    const seen: Headers[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers));
      return Response.json({ id: 'user-adele' });
    });
    await graphRequest('GET', '/users/user-adele', { schema: z.object({ id: z.string() }) });
    expect(seen[0]?.get('client-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('gives up after GRAPH_TIMEOUT_MS, and a write that timed out has an unknown outcome (reconciled, not "failed")', async () => {
    stubSilentGraph();
    const started = performance.now();
    const failure = await graphRequest('PATCH', '/users/user-adele', { body: {}, schema: z.unknown() }).catch(
      (error: unknown) => error,
    );
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(failure).toMatchObject({ code: 'UPSTREAM_ERROR', details: { isOutcomeUnknown: true } });
  });
});
