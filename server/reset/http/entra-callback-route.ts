import 'server-only';
// GET /{reset|unlock}/verify/entra/callback — Entra's redirect back (a cross-site top-level GET). The OAuth
// `state`, checked against the session's stored hash, is this request's CSRF protection (RFC 6749 10.12).
// Whatever happened at Entra, the user lands on the service list with an explanation: never a dead end.
import { defineRoute } from '../../http/define-route';
import { jsonObject } from '../../http/json-object';
import { reasonOf } from '../../http/request-failure';
import { entraCallbackQuerySchema } from '../../verification/entra-mfa-verification';
import { completeEntraVerification } from '../entra-reset-verification';
import { renewedResetRedirect, resetArgs, resetHeaders, resetRedirect } from './reset-route-options';

export function entraCallbackRoute(purpose: 'reset' | 'unlock') {
  return defineRoute({
    name: `${purpose}.entraCallback`,
    access: 'public',
    origin: 'crossSiteAllowed',
    headers: resetHeaders,
    query: jsonObject,
    redirectOnError: (failure) =>
      failure.code === 'UNAUTHORIZED'
        ? `/${purpose}?error=noSession`
        : `/${purpose}/services?entra=${encodeURIComponent(reasonOf(failure))}`,
    handle: async (context, { query }, request) => {
      const { deps, token, origin } = resetArgs(context, request);
      const parsed = entraCallbackQuerySchema.safeParse(query);
      const result = await completeEntraVerification(deps, {
        token,
        query: parsed.success ? parsed.data : { error: 'invalid_request' },
        origin,
      });
      // A verified round trip is an authentication step: renew the session token (ASVS5 7.2.4).
      if (result.outcome === 'verified')
        return renewedResetRedirect(context, request, `/${purpose}/services?entra=verified`);
      return resetRedirect(context, `/${purpose}/services?entra=${result.reason}`);
    },
  });
}
