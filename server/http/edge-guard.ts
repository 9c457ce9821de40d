// What proxy.ts refuses before Next routes the request, for the two cases Next itself answers with a 500:
// - a path with malformed percent-encoding (`/reset/verify/%ff` as a page): 400, for pages and routes alike;
// - a server action (an unsafe-method request to a page) from another origin, or with an Origin header that is
//   not a URL: Next aborts it with "Invalid Server Actions request" and a 500; here it is a 403 with the common
//   body. The action's own pipeline (define-server-action.ts) checks origin again and audits what reaches it.
// - a server-action body over serverActions.bodySizeLimit: 413, whether it declares its length or is sent chunked
//   without one (Next answers both with a 500 once it has read past its limit);
// - a server-action body Next cannot decode (a broken multipart body, a reply that is not an argument list): 400
//   (server/http/server-action-body.ts).
// Route handlers are left to their pipeline (define-route.ts), which checks, audits and answers itself.
// proxy.ts does not answer a refusal itself: it rewrites it to server/http/edge-refusal-route.ts, which audits it.
import { AppError } from '@/lib/app-error';
import { checkOrigin } from './check-origin';
import { isRoutePath } from './route-paths';
import { isDecodableServerActionBody } from './server-action-body';
import { serverActionBodyLimitBytes } from './server-action-limit';

/** The internal route proxy.ts rewrites a refusal to, and the headers it passes (set only by proxy.ts). */
export const edgeRefusalPath = '/api/edge-refusal';
export const edgeRefusalHeaders = { reason: 'x-verity-edge-refusal', path: 'x-verity-edge-path' } as const;

/** The errors the edge refuses with, by reason: the refusal route rebuilds the answer from the reason alone. */
export const edgeRefusalsByReason = {
  malformedPath: () =>
    new AppError('INVALID_INPUT', 'The address contains malformed percent-encoding.', { reason: 'malformedPath' }),
  bodyTooLarge: () =>
    new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${serverActionBodyLimitBytes} bytes.`, {
      reason: 'bodyTooLarge',
    }),
  malformedBody: () =>
    new AppError('INVALID_INPUT', 'The request body is not a form or server action call the portal accepts.', {
      reason: 'malformedBody',
    }),
  crossSite: () =>
    new AppError('FORBIDDEN', 'This request did not come from the portal’s own page. Go back and try again.', {
      reason: 'crossSite',
    }),
} satisfies Record<string, () => AppError>;

function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

function isOriginHeaderUrl(headers: Headers): boolean {
  const origin = headers.get('origin');
  return origin === null || origin === 'null' || URL.canParse(origin);
}

export type EdgeRefusalReason = keyof typeof edgeRefusalsByReason;

/** Why the edge refuses the request, or null when it goes on to its page or route. */
export function edgeRefusal(
  request: { method: string; url: string; headers: Headers },
  appOrigin: string,
): EdgeRefusalReason | null {
  const { pathname } = new URL(request.url);
  if (isMalformedPath(pathname)) return 'malformedPath';
  if (request.method === 'GET' || request.method === 'HEAD' || isRoutePath(pathname)) return null;
  // A body without Content-Length (chunked) is counted by edgeRefusalOf once the origin has passed.
  if (Number(request.headers.get('content-length') ?? 0) > serverActionBodyLimitBytes) return 'bodyTooLarge';
  try {
    checkOrigin(request.headers, appOrigin, { isUserNavigationAllowed: false });
    return isOriginHeaderUrl(request.headers) ? null : 'crossSite';
  } catch {
    return 'crossSite';
  }
}

/**
 * Whether a body sent without a Content-Length (chunked) runs over `limitBytes`. Reads a copy of the stream
 * (Next hands the page the original), keeps no bytes, and stops at the limit: the oversized rest is never read.
 */
export async function isUndeclaredBodyOver(request: Request, limitBytes: number): Promise<boolean> {
  if (request.headers.get('content-length') !== null || request.body === null) return false;
  const reader = request.clone().body?.getReader();
  if (!reader) return false;
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    total += value.byteLength;
    if (total > limitBytes) {
      // Not awaited: a tee's branch settles its cancel only once the other branch (the page's) is cancelled too.
      void reader.cancel().catch(() => undefined);
      return true;
    }
  }
}

/**
 * edgeRefusal, then the size of a server action's undeclared (chunked) body, then whether Next can decode the body:
 * what proxy.ts asks.
 */
export async function edgeRefusalOf(request: Request, appOrigin: string): Promise<EdgeRefusalReason | null> {
  const refusal = edgeRefusal(request, appOrigin);
  if (refusal !== null || request.method === 'GET' || request.method === 'HEAD') return refusal;
  if (isRoutePath(new URL(request.url).pathname)) return null;
  if (await isUndeclaredBodyOver(request, serverActionBodyLimitBytes)) return 'bodyTooLarge';
  return (await isDecodableServerActionBody(request)) ? null : 'malformedBody';
}
