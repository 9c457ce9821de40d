import 'server-only';
// The authenticator-app secret being set up, kept between a wrong first code and the next try (issue 14:
// a new secret after one typo breaks the account the user already added to the app). The value is the
// sealed offer (AES-GCM, bound to the user and the 10-minute enrolment window), in an HttpOnly cookie
// that lives no longer than that window; it is cleared when enrolment succeeds.
import { cookies } from 'next/headers';
import { getConfig } from '../config';

const maxAgeSeconds = 10 * 60;

function cookieName(): string {
  return isSecureOrigin() ? '__Host-verity-totp-pending' : 'verity-totp-pending';
}

function isSecureOrigin(): boolean {
  return getConfig().APP_ORIGIN.startsWith('https:');
}

export async function keepPendingTotp(sealed: string): Promise<void> {
  (await cookies()).set({
    name: cookieName(),
    value: sealed,
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureOrigin(),
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export async function readPendingTotp(): Promise<string | undefined> {
  return (await cookies()).get(cookieName())?.value;
}

export async function forgetPendingTotp(): Promise<void> {
  const jar = await cookies();
  if (jar.get(cookieName())) jar.delete({ name: cookieName(), path: '/' });
}
