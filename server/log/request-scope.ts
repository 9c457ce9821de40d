// The request id, carried through everything one request runs (its awaits, the Graph calls it makes, the
// background jobs it enqueues) with Node's AsyncLocalStorage
// (https://nodejs.org/api/async_context.html#class-asynclocalstorage), so an adapter deep in server/ can put
// it on a Graph call as `client-request-id` without every signature carrying it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const scope = new AsyncLocalStorage<{ requestId: string }>();

export function runWithRequestId<T>(requestId: string, run: () => T): T {
  return scope.run({ requestId }, run);
}

export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

// An id from a proxy in front (X-Request-Id) is kept for correlation only if it is a short, plain token:
// anything else could forge or break log lines.
const safeRequestId = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The request's id: a UUID of our own (Graph wants a GUID in `client-request-id`:
 * https://learn.microsoft.com/graph/best-practices-concept#reliability-and-support), and the caller's
 * X-Request-Id when it is safe to log.
 */
export function requestIdsFor(headers: Headers): { requestId: string; upstreamRequestId?: string } {
  const upstream = headers.get('x-request-id');
  return {
    requestId: randomUUID(),
    ...(upstream && safeRequestId.test(upstream) ? { upstreamRequestId: upstream } : {}),
  };
}
