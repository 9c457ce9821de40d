import 'server-only';
// CSRF protection on every state-changing reset request (ASVS5 3.5.1; OWASP CSRF Prevention Cheat Sheet):
// 1. the browser's Sec-Fetch-Site must be same-origin (else, for browsers without fetch metadata, the
//    Origin header must be the configured origin): a request from another site is refused first;
// 2. requests inside a reset session also carry a synchronizer token, an HMAC of the session's bearer
//    token, in a hidden form field, compared in constant time.
import { AppError } from '@/lib/app-error';
import { hashesMatch, keyedHash } from '../reset-secrets';
import type { ResetSettings } from '../reset-settings';

export function csrfTokenFor(settings: Pick<ResetSettings, 'secret'>, sessionToken: string): string {
  return keyedHash(settings.secret, 'reset-csrf', sessionToken);
}

// Reset pages send Referrer-Policy: no-referrer, so their POSTs carry `Origin: null`
// (docs/decisions/0004-referrer-policy-and-csrf.md): Sec-Fetch-Site decides, else a real Origin must match.
export function assertSameOrigin(headers: Headers, settings: Pick<ResetSettings, 'appOrigin'>): void {
  const site = headers.get('sec-fetch-site');
  const origin = headers.get('origin');
  const isSameOrigin = site ? site === 'same-origin' : origin === new URL(settings.appOrigin).origin;
  if (!isSameOrigin)
    throw new AppError('FORBIDDEN', 'This request did not come from the portal’s own page. Go back and try again.', {
      reason: 'csrf',
    });
}

export function assertCsrfToken(
  settings: Pick<ResetSettings, 'secret'>,
  sessionToken: string | undefined,
  submitted: unknown,
): void {
  if (!sessionToken || typeof submitted !== 'string' || !hashesMatch(csrfTokenFor(settings, sessionToken), submitted)) {
    throw new AppError('FORBIDDEN', 'This form has expired. Go back and try again.', { reason: 'csrf' });
  }
}
