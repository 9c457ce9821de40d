import 'server-only';
// What /account requests share: the signed-in user from the session (never from the form), and failed forms
// going back to the page with `?error=<reason>`.
import { AppError } from '@/lib/app-error';
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

export function accountBackWithError(path: string) {
  return (failure: RequestFailure) => `${path}?error=${encodeURIComponent(reasonOf(failure))}`;
}

export function accountRedirect(context: PortalContext, path: string): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: new URL(path, context.settings.APP_ORIGIN).toString() },
  });
}
