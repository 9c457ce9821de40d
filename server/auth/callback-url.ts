import 'server-only';
// next-auth's default redirect callback runs `new URL(callbackUrl)` on anything that does not start with "/",
// so a callbackUrl query, form field or callback cookie that is not a URL threw a TypeError (a 500). The
// next-auth route checks them with this schema first; next-auth still keeps the target on this origin.
import { z } from 'zod';
import { AppError } from '@/lib/app-error';

export const callbackUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => value.startsWith('/') || URL.canParse(value), 'callbackUrl must be a path or an absolute URL');

/** The callback cookie's names (next-auth 4 prefixes `__Secure-` when the portal runs on https). */
export const callbackCookieNames = ['next-auth.callback-url', '__Secure-next-auth.callback-url'] as const;

/** A callback cookie value as next-auth reads it (percent-decoded), refused when it is not a callback URL. */
export function checkCallbackCookie(value: string | undefined): void {
  if (value === undefined) return;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    decoded = '';
  }
  if (!callbackUrlSchema.safeParse(decoded).success)
    throw new AppError(
      'INVALID_INPUT',
      'The sign-in callback cookie is not a URL. Clear the cookie and sign in again.',
      {
        reason: 'invalidCallbackUrl',
        path: 'callbackUrl',
      },
    );
}
