import 'server-only';
import { AppError } from '../../lib/app-error';
import { getConfig } from '../config';

/**
 * First line of CSRF defence for route handlers (Next checks server actions itself): the browser's
 * Sec-Fetch-Site must say same-origin (or none: typed URL); without it, the Origin header must be the
 * configured APP_ORIGIN. Under Referrer-Policy no-referrer browsers send `Origin: null`, so pages with that
 * policy (reset, unlock) also need a CSRF token (docs/decisions/0004-referrer-policy-and-csrf.md).
 */
export function assertSameOrigin(headers: Headers): void {
  const site = headers.get('sec-fetch-site');
  if (site) {
    if (site === 'same-origin' || site === 'none') return;
    throw new AppError('FORBIDDEN', 'Cross-site request refused.');
  }
  const origin = headers.get('origin');
  if (origin && origin === new URL(getConfig().APP_ORIGIN).origin) return;
  throw new AppError('FORBIDDEN', 'Cross-site request refused.');
}
