// What proxy.ts refuses before Next routes the request, for the two cases Next itself answers with a 500:
// - a path with malformed percent-encoding (`/reset/verify/%ff` as a page): 400, for pages and routes alike;
// - a server action (an unsafe-method request to a page) from another origin, or with an Origin header that is
//   not a URL: Next aborts it with "Invalid Server Actions request" and a 500; here it is a 403 with the common
//   body. The action's own pipeline (define-server-action.ts) checks origin again and audits what reaches it.
// Route handlers are left to their pipeline (define-route.ts), which checks, audits and answers itself.
import { AppError } from '@/lib/app-error';
import { checkOrigin } from './check-origin';
import { requestFailureOf, type RequestFailure } from './request-failure';
import { isRoutePath } from './route-paths';

function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

function checkOriginHeaderIsUrl(headers: Headers): void {
  const origin = headers.get('origin');
  if (origin !== null && origin !== 'null' && !URL.canParse(origin))
    throw new AppError('FORBIDDEN', 'The Origin header is not a URL.', { reason: 'crossSite' });
}

export function edgeRefusal(
  request: { method: string; url: string; headers: Headers },
  appOrigin: string,
): RequestFailure | null {
  const { pathname } = new URL(request.url);
  if (isMalformedPath(pathname))
    return {
      code: 'INVALID_INPUT',
      message: 'The address contains malformed percent-encoding.',
      reason: 'malformedPath',
    };
  if (request.method === 'GET' || request.method === 'HEAD' || isRoutePath(pathname)) return null;
  try {
    checkOrigin(request.headers, appOrigin, { isUserNavigationAllowed: false });
    checkOriginHeaderIsUrl(request.headers);
    return null;
  } catch (error) {
    return requestFailureOf(error);
  }
}
