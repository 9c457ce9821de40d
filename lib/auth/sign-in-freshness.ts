// How recent a sign-in is, from the ID token's `auth_time` (seconds since the epoch; OpenID Connect Core
// 1.0 section 2). Sensitive changes need a recent authentication, not an hours-old session: factor
// enrolment (ASVS5 6.3.7 context; NIST SP 800-63B-4 section 6.1.2.1, authenticate before binding a new
// authenticator) and privileged desk and admin actions (ASVS5 6.8.4). Pure: `now` comes in.

/** Seconds since the sign-in, or null when the token carried no `auth_time` (treated as not recent). */
export function signInAgeSeconds(authTime: number | null | undefined, now: Date): number | null {
  if (typeof authTime !== 'number' || !Number.isFinite(authTime)) return null;
  return Math.max(0, Math.floor(now.getTime() / 1000) - authTime);
}

/** True when the sign-in happened at most `maxAgeSeconds` ago (a missing `auth_time` is never recent). */
export function isSignInRecent(authTime: number | null | undefined, now: Date, maxAgeSeconds: number): boolean {
  const age = signInAgeSeconds(authTime, now);
  return age !== null && age <= maxAgeSeconds;
}
