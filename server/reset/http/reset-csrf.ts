import 'server-only';
// The second CSRF defence of reset requests (ASVS5 3.5.1; OWASP CSRF Prevention Cheat Sheet). The first is the
// pipeline's origin check (server/http/check-origin.ts): reset pages send `Origin: null` under
// Referrer-Policy no-referrer (docs/decisions/0004-referrer-policy-and-csrf.md), so requests inside a reset
// session also carry a synchronizer token, an HMAC of the session's bearer token, compared in constant time.
import { AppError } from '@/lib/app-error';
import { hashesMatch, keyedHash } from '../reset-secrets';
import type { ResetSettings } from '../reset-settings';

export function csrfTokenFor(settings: Pick<ResetSettings, 'secret'>, sessionToken: string): string {
  return keyedHash(settings.secret, 'reset-csrf', sessionToken);
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
