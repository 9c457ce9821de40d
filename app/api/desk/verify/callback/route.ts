// Public: Entra returns here after the user signed in from the desk's link (a cross-site top-level GET;
// the OAuth state and the browser-bound cookie are its CSRF protection, RFC 6749 10.12).
import { NextResponse } from 'next/server';
import { completeEntraLinkVerification, linkPaths } from '@/server/desk/entra-link-verification';
import { deskLinkCookie } from '@/server/desk/desk-link-cookie';
import { deskDependenciesOf } from '@/server/context/desk-view';
import { defineRoute } from '@/server/http/define-route';
import { jsonObject } from '@/server/http/json-object';
import { requestCookie } from '@/server/http/request-cookie';
import { entraCallbackQuerySchema } from '@/server/verification/entra-mfa-verification';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({
  name: 'desk.link.callback',
  access: 'public',
  origin: 'crossSiteAllowed',
  query: jsonObject,
  headers: { 'Referrer-Policy': 'no-referrer' },
  handle: async (context, { query }, request) => {
    let result = 'failed';
    try {
      const outcome = await completeEntraLinkVerification(
        deskDependenciesOf(context),
        context.entraVerification,
        entraCallbackQuerySchema.parse(query),
        requestCookie(request, deskLinkCookie.name),
      );
      result = outcome.isVerified ? 'verified' : outcome.reason === 'cancelled' ? 'cancelled' : 'failed';
    } catch {
      result = 'invalid';
    }
    const origin = context.settings.APP_ORIGIN;
    const response = NextResponse.redirect(new URL(`${linkPaths.done}?result=${result}`, origin), { status: 303 });
    response.cookies.set(deskLinkCookie.name, '', { ...deskLinkCookie.options(origin), maxAge: 0 });
    return response;
  },
});
