// The one origin check (CSRF first line, OWASP CSRF Prevention Cheat Sheet "Fetch Metadata"): the
// browser's Sec-Fetch-Site must be same-origin; without fetch metadata, the Origin header must be the
// configured APP_ORIGIN. `Sec-Fetch-Site: none` (a typed URL or bookmark) is accepted only where a route
// says so. Reset and unlock pages send `Origin: null` (Referrer-Policy no-referrer), so they also carry a
// session CSRF token (docs/decisions/0004-referrer-policy-and-csrf.md).
import { AppError } from '@/lib/app-error';

export type OriginPolicy = { isUserNavigationAllowed: boolean };

export function checkOrigin(headers: Headers, appOrigin: string, policy: OriginPolicy): void {
  const site = headers.get('sec-fetch-site');
  const isSameOrigin = site
    ? site === 'same-origin' || (site === 'none' && policy.isUserNavigationAllowed)
    : headers.get('origin') === new URL(appOrigin).origin;
  if (!isSameOrigin)
    throw new AppError('FORBIDDEN', 'This request did not come from the portal’s own page. Go back and try again.', {
      reason: 'crossSite',
    });
}
