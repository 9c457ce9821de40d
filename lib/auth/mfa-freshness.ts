// MFA evidence and freshness of a staff sign-in, from the ID token's `amr` and `auth_time`, checked before
// the actions an attacker with a hijacked desk or admin session would want most: a Temporary Access Pass,
// an unlock, a supervisor's approval of a privileged case, a policy import (ASVS5 6.8.4: the relying party
// checks MFA evidence and its age). Entra's v1 `amr` values `mfa` and `ngcmfa` (Windows Hello) mark MFA
// (Microsoft identity platform, ID token claims reference). Pure: `now` comes in.
import { signInAgeSeconds } from './sign-in-freshness';

export type SignInEvidence = { authTime?: number | null; amr?: readonly string[] };

export type MfaFreshness = {
  isFresh: boolean;
  hasMfa: boolean;
  /** Seconds since the sign-in; null without `auth_time`. */
  ageSeconds: number | null;
  maxAgeSeconds: number;
};

const mfaAmrValues = new Set(['mfa', 'ngcmfa']);

export function mfaFreshness(evidence: SignInEvidence, now: Date, maxAgeSeconds: number): MfaFreshness {
  const hasMfa = (evidence.amr ?? []).some((value) => mfaAmrValues.has(value));
  const ageSeconds = signInAgeSeconds(evidence.authTime, now);
  return { isFresh: hasMfa && ageSeconds !== null && ageSeconds <= maxAgeSeconds, hasMfa, ageSeconds, maxAgeSeconds };
}

/** What the audit log records about the freshness used (no token, no claim values beyond these). */
export function freshnessDetails(freshness: MfaFreshness): Record<string, number | boolean> {
  return {
    mfaFresh: freshness.isFresh,
    mfaPresent: freshness.hasMfa,
    mfaAgeSeconds: freshness.ageSeconds ?? -1,
    mfaMaxAgeSeconds: freshness.maxAgeSeconds,
  };
}
