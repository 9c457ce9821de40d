// What proxy.ts refuses before Next routes the request, for the two cases Next itself answers with a 500:
// - a path with malformed percent-encoding (`/reset/verify/%ff` as a page): 400, for pages and routes alike;
// - a server action (an unsafe-method request to a page) from another origin, or with an Origin header that is
//   not a URL: Next aborts it with "Invalid Server Actions request" and a 500; here it is a 403 with the common
//   body. The action's own pipeline (define-server-action.ts) checks origin again and audits what reaches it.
// Route handlers are left to their pipeline (define-route.ts), which checks, audits and answers itself.
// proxy.ts does not answer a refusal itself: it rewrites it to server/http/edge-refusal-route.ts, which audits it.
import { AppError } from '@/lib/app-error';
import { checkOrigin } from './check-origin';
import { isRoutePath } from './route-paths';
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
  // A body without Content-Length (chunked) is left to Next's own limit; browsers always declare one.
  if (Number(request.headers.get('content-length') ?? 0) > serverActionBodyLimitBytes) return 'bodyTooLarge';
  try {
    checkOrigin(request.headers, appOrigin, { isUserNavigationAllowed: false });
    return isOriginHeaderUrl(request.headers) ? null : 'crossSite';
  } catch {
    return 'crossSite';
  }
}
