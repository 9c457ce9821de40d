import 'server-only';
// The reset-session cookie (ASVS4 3.4.1-3.4.4): HttpOnly, SameSite=Lax (the Entra callback is a top-level
// GET from another site and must carry it), Secure with the `__Host-` prefix when the portal is served over
// HTTPS (production), path `/`, no Domain. Its value is the bearer token; the database holds its hash.
import type { NextResponse } from 'next/server';
import type { ResetSettings } from '../reset-settings';

export function resetCookieName(settings: Pick<ResetSettings, 'isSecureOrigin'>): string {
  return settings.isSecureOrigin ? '__Host-verity-reset' : 'verity-reset';
}

export function setResetCookie(
  response: NextResponse,
  settings: Pick<ResetSettings, 'isSecureOrigin' | 'sessionLimits'>,
  token: string,
): void {
  response.cookies.set({
    name: resetCookieName(settings),
    value: token,
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.isSecureOrigin,
    path: '/',
    maxAge: settings.sessionLimits.lifetimeSeconds,
  });
}

export function readResetCookie(
  cookies: { get(name: string): { value: string } | undefined },
  settings: Pick<ResetSettings, 'isSecureOrigin'>,
): string | undefined {
  return cookies.get(resetCookieName(settings))?.value;
}
