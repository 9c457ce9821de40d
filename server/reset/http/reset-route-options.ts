import 'server-only';
// The pipeline options every reset and unlock request shares (a route file adds its name, schema and server
// function): public (the user is not signed in), Referrer-Policy no-referrer (FPCS), the session CSRF token
// inside a reset session, failures back to the page with `?error=<reason>`, and the next page as a 303 built
// from the configured origin with the new session cookie when one was issued.
import { NextResponse } from 'next/server';
import type { PortalContext } from '../../context/portal-context';
import { resetDependenciesOf } from '../../context/reset-view';
import type { RawFields } from '../../http/define-route';
import { requestCookie } from '../../http/request-cookie';
import { reasonOf, type RequestFailure } from '../../http/request-failure';
import type { ResetDependencies } from '../reset-dependencies';
import { renewResetSessionToken } from '../reset-session-store';
import { resetCookieName, setResetCookie } from './reset-cookie';
import { assertCsrfToken } from './reset-csrf';

export const resetHeaders = { 'Referrer-Policy': 'no-referrer' };

/** The reset functions' dependencies, the session token from the cookie, and the client address. */
export function resetArgs(context: PortalContext, request: Request) {
  const deps: ResetDependencies = resetDependenciesOf(context);
  return {
    deps,
    token: requestCookie(request, resetCookieName(deps.settings)),
    origin: context.client,
    locale: context.translator.locale,
  };
}

export function checkResetCsrf(context: PortalContext, request: Request, raw: RawFields): void {
  const { deps, token } = resetArgs(context, request);
  assertCsrfToken(deps.settings, token, raw.csrf);
}

export function withQuery(path: string, values: Record<string, string>): string {
  const [base = '/', query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  for (const [key, value] of Object.entries(values)) params.set(key, value);
  return `${base}?${params.toString()}`;
}

/**
 * Where a failed reset form goes back to, with the reason the page explains (role=alert). A write whose
 * answer was lost goes to the confirming page instead (server/reset/directory-write-intent.ts), never
 * back to the form with a failure.
 */
export function backWithError(errorPath: string | ((raw: RawFields) => string)) {
  return (failure: RequestFailure, raw: RawFields) => {
    const path = typeof errorPath === 'function' ? errorPath(raw) : errorPath;
    if (failure.reason === 'confirmingChange')
      return path.startsWith('/unlock') ? '/unlock/confirming' : '/reset/confirming';
    return withQuery(path, { error: reasonOf(failure) });
  };
}

export function resetRedirect(context: PortalContext, path: string, newSessionToken?: string): Response {
  const response = NextResponse.redirect(new URL(path, context.settings.APP_ORIGIN), 303);
  if (newSessionToken) setResetCookie(response, resetDependenciesOf(context).settings, newSessionToken);
  return response;
}

/**
 * The next page after a successful verification step, password change or unlock, with a renewed session
 * cookie: the token the browser sent stops working (ASVS5 7.2.4; renewResetSessionToken).
 */
export async function renewedResetRedirect(context: PortalContext, request: Request, path: string): Promise<Response> {
  const { deps, token } = resetArgs(context, request);
  return resetRedirect(context, path, await renewResetSessionToken(deps, token));
}

/** The JSON answer of a successful verification step (passkey), with the renewed session cookie. */
export async function renewedResetJson(context: PortalContext, request: Request, body: object): Promise<Response> {
  const { deps, token } = resetArgs(context, request);
  const response = NextResponse.json(body);
  setResetCookie(response, deps.settings, await renewResetSessionToken(deps, token));
  return response;
}

/** `reset` or `unlock` from a raw form field, for the page a failure goes back to. */
export function purposeOf(raw: RawFields): 'reset' | 'unlock' {
  return raw.purpose === 'unlock' ? 'unlock' : 'reset';
}
