import 'server-only';
// What /account requests share: the signed-in user from the session (never from the form), and failed forms
// going back to the page with `?error=<reason>`.
import { AppError } from '@/lib/app-error';
import { isSignInRecent } from '@/lib/auth/sign-in-freshness';
import type { PortalContext } from '../context/portal-context';
import { reasonOf, type RequestFailure } from '../http/request-failure';

export function accountUser(context: PortalContext) {
  if (!context.actor) throw new AppError('UNAUTHORIZED', 'Sign in with Microsoft Entra ID to continue.');
  return {
    oid: context.actor.oid,
    userName: context.actor.email ?? context.actor.oid,
    displayName: context.actor.name,
  };
}

/**
 * The signed-in user, for a change to their verification factors: only with a recent sign-in
 * (ACCOUNT_REAUTH_MAX_AGE_MINUTES, 10), else the page sends them to sign in again with prompt=login. A stolen
 * or forgotten 8-hour session cannot add a passkey that would then reset the password alone.
 */
export function recentAccountUser(context: PortalContext) {
  const user = accountUser(context);
  const maxAgeSeconds = context.settings.ACCOUNT_REAUTH_MAX_AGE_MINUTES * 60;
  if (!isSignInRecent(context.actor?.authTime, context.clock.now(), maxAgeSeconds))
    throw new AppError('UNAUTHORIZED', 'Sign in again to change your sign-in methods.', {
      reason: 'reauthenticationRequired',
    });
  return user;
}

export function accountBackWithError(path: string) {
  return (failure: RequestFailure) => `${path}?error=${encodeURIComponent(reasonOf(failure))}`;
}

export function accountRedirect(context: PortalContext, path: string): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: new URL(path, context.settings.APP_ORIGIN).toString() },
  });
}
