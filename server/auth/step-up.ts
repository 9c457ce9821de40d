import 'server-only';
// The refusal when a sensitive staff action needs a fresh MFA sign-in (lib/auth/mfa-freshness.ts): the
// console and pages send the user to sign in again with prompt=login, which makes Entra authenticate anew.
import { AppError } from '../../lib/app-error';
import type { MfaFreshness } from '../../lib/auth/mfa-freshness';

export function mfaStepUpError(freshness: MfaFreshness): AppError {
  return new AppError(
    'UNAUTHORIZED',
    `Sign in again with multi-factor authentication: this action needs an MFA sign-in from the last ${Math.round(freshness.maxAgeSeconds / 60)} minutes.`,
    { reason: 'mfaStepUpRequired' },
  );
}
