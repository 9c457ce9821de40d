import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { cookies } from 'next/headers';
import { getConfig } from '../config';

// next-auth v4 double-submit token for its POST endpoints (sign-out), read on the server so the sign-out form
// is plain HTML: the cookie holds `token|sha256(token + secret)` (next-auth/core/lib/csrf-token.js) and the form
// posts `token`. Without a valid cookie the form posts no token; next-auth then sets one and sends the browser
// to pages.signOut (app/signout/page.tsx), whose form carries it.

/** The token in a next-auth CSRF cookie value, or undefined when the value was not signed with `secret`. */
export function csrfTokenFromCookie(cookieValue: string | undefined, secret: string): string | undefined {
  const [token, hash] = cookieValue?.split('|') ?? [];
  if (!token || !hash) return undefined;
  const expected = Buffer.from(createHash('sha256').update(`${token}${secret}`).digest('hex'));
  const actual = Buffer.from(hash);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? token : undefined;
}

/** The CSRF cookie's name next-auth uses for this origin (`__Host-` prefixed over HTTPS). */
export function csrfCookieName(appOrigin: string): string {
  return `${appOrigin.startsWith('https://') ? '__Host-' : ''}next-auth.csrf-token`;
}

/** The request's next-auth CSRF token, or undefined when the browser has none yet. */
export async function currentCsrfToken(): Promise<string | undefined> {
  const config = getConfig();
  return csrfTokenFromCookie((await cookies()).get(csrfCookieName(config.APP_ORIGIN))?.value, config.AUTH_SECRET);
}
